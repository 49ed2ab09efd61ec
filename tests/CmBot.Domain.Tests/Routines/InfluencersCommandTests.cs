using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Routines;

public sealed class InfluencersCommandTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ManualClock clock = ManualClock.Default();
    private readonly TestChannel chat;

    public InfluencersCommandTests() => chat = new TestChannel(store, clock);

    private void Seed(bool french = false)
    {
        var builder = new BrandBuilder().WithMember(Ana).LinkedTo("test", "room-1")
            .WithInfluencer("Marc", "@marc", lastContactedAt: clock.GetUtcNow().AddDays(-21))
            .WithInfluencer("Léa", "@lea");
        if (french) builder.InFrench();
        chat.WithDb(db => builder.SaveIn(db));
    }

    [Fact]
    public async Task Influencers_ListsEachWithTheirLastContact()
    {
        Seed();

        await chat.Say(Ana, "influencers");

        var facts = chat.LastCard.Facts;
        Assert.Equal(["Léa (@lea)", "Marc (@marc)"], facts.Select(f => f.Label));
        Assert.Equal("last contact: never", facts[0].Value);
        Assert.Equal("last contact: 3 weeks ago", facts[1].Value);
    }

    [Fact]
    public async Task Influenceurs_InFrench_SaysIlYA3Semaines()
    {
        Seed(french: true);

        await chat.Say(Ana, "influenceurs");

        Assert.Equal("dernier contact : jamais", chat.LastCard.Facts[0].Value);
        Assert.Equal("dernier contact : il y a 3 semaines", chat.LastCard.Facts[1].Value);
    }

    [Theory]
    [InlineData("influencers add Nina Roy @ninaroy", "Nina Roy", "@ninaroy")]
    [InlineData("influenceurs ajouter Paul https://instagram.com/paul", "Paul", "https://instagram.com/paul")]
    public async Task InfluencersAdd_AddsNameAndHandle(string typed, string name, string handle)
    {
        Seed();

        await chat.Say(Ana, typed);

        Assert.Contains(name, chat.LastText);
        await using var db = store.NewDb();
        Assert.True(await db.Influencers.AnyAsync(i => i.Name == name && i.Handle == handle));
    }

    [Fact]
    public async Task InfluencersAdd_ADuplicateHandle_IsRefusedClearly()
    {
        Seed();

        await chat.Say(Ana, "influencers add Léa Bis @LEA");

        Assert.Equal("@lea is already on the list, as Léa.", chat.LastText);
        await using var db = store.NewDb();
        Assert.Equal(2, await db.Influencers.CountAsync());
    }

    [Theory]
    [InlineData("influencers add Nina")]
    [InlineData("influencers add Nina Roy ninaroy")]
    public async Task InfluencersAdd_WithoutAHandle_IsRefusedWithTheUsage(string typed)
    {
        Seed();

        await chat.Say(Ana, typed);

        Assert.Contains("influencers add <name> <handle>", chat.LastText);
        await using var db = store.NewDb();
        Assert.Equal(2, await db.Influencers.CountAsync());
    }

    public void Dispose()
    {
        chat.Dispose();
        store.Dispose();
    }
}
