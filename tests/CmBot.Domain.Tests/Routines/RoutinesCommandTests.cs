using CmBot.Domain.Routines;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Routines;

public sealed class RoutinesCommandTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ManualClock clock = ManualClock.Default();
    private readonly TestChannel chat;

    public RoutinesCommandTests()
    {
        chat = new TestChannel(store, clock);
        chat.WithDb(db => new BrandBuilder().WithAdmin(Ana).WithMember(Bob).LinkedTo("test", "room-1").WithInfluencer("Léa", "@lea").SaveIn(db));
    }

    [Fact]
    public async Task Routines_ListsEachRoutine_OnOrOff_WithItsNextLocalSlot()
    {
        await chat.Say(Bob, "routines");

        var sections = chat.LastCard.Sections;
        Assert.Equal(Enum.GetValues<RoutineKind>().Length, sections.Count);
        var influencer = Assert.Single(sections, s => s.Title == "Influencer contact · on");
        Assert.Equal("Tue, Nov 24, 10:00", influencer.Facts.Single(f => f.Label == "Next").Value);
        Assert.Equal("weekly, Tuesday at 10:00", influencer.Facts.Single(f => f.Label == "Cadence").Value);
        Assert.Contains(sections, s => s.Title == "Blog post · off");
    }

    [Fact]
    public async Task Routines_ShowsTheCurrentPeriodsState()
    {
        var card = await RoutinePosting.PostAsync(store, clock, RoutineKind.InfluencerContact);
        await chat.Click(Bob, card, "Snooze one day");

        await chat.Say(Bob, "routines");

        var influencer = chat.LastCard.Sections.Single(s => s.Title == "Influencer contact · on");
        Assert.StartsWith("Snoozed by Bob", influencer.Facts.Single(f => f.Label == "This period (2026-W47)").Value);
    }

    [Fact]
    public async Task RoutinesOn_ByANonAdmin_IsRefused()
    {
        await chat.Say(Bob, "routines on blog");

        Assert.Equal("Only an admin of Acme can switch routines on or off.", chat.LastText);
        Assert.False(await EnabledAsync(RoutineKind.BlogPost));
    }

    [Theory]
    [InlineData("routines on blog", RoutineKind.BlogPost)]
    [InlineData("routines on veille", RoutineKind.BrandWatch)]
    [InlineData("routines on watch", RoutineKind.BrandWatch)]
    [InlineData("routines on pub", RoutineKind.AdCheck)]
    [InlineData("routines on ads", RoutineKind.AdCheck)]
    [InlineData("routines on bannière", RoutineKind.HeaderImages)]
    [InlineData("routines on header", RoutineKind.HeaderImages)]
    [InlineData("routines on blgo", RoutineKind.BlogPost)]
    [InlineData("routines on vielle", RoutineKind.BrandWatch)]
    [InlineData("routines on strategy", RoutineKind.StrategyReview)]
    public async Task RoutinesOn_ByAnAdmin_SwitchesTheNamedRoutineOn(string typed, RoutineKind kind)
    {
        await chat.Say(Ana, typed);

        Assert.Contains("is now on", chat.LastText);
        Assert.True(await EnabledAsync(kind));
    }

    [Fact]
    public async Task RoutinesOff_ByAnAdmin_SwitchesOff_AndAnUnknownKindListsTheKinds()
    {
        await chat.Say(Ana, "routines off influenceurs");
        Assert.False(await EnabledAsync(RoutineKind.InfluencerContact));

        await chat.Say(Ana, "routines on gardening");
        Assert.Contains("One of: influencer, about, ads", chat.LastText);
    }

    [Fact]
    public async Task ChoreCard_Skip_ClosesTheOccurrence_AndDoneAfterwardsIsRefusedAsSkipped()
    {
        await chat.Say(Ana, "routines on blog");
        var card = await RoutinePosting.PostAsync(store, clock, RoutineKind.BlogPost);
        Assert.Equal(["Done", "Snooze one day", "Skip"], card.Actions.Select(a => a.Label));

        await chat.Click(Bob, card, "Skip");
        Assert.StartsWith("Skipped by Bob", chat.LastCard.State);
        await chat.Click(Ana, card, "Skip");

        Assert.Contains("Already skipped by Bob", chat.LastText);
    }

    private async Task<bool> EnabledAsync(RoutineKind kind)
    {
        await using var db = store.NewDb();
        return await db.Routines.AnyAsync(r => r.Kind == kind && r.Enabled);
    }

    public void Dispose()
    {
        chat.Dispose();
        store.Dispose();
    }
}
