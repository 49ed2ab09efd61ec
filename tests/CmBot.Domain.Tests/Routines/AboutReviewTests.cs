using CmBot.Domain.Brands;
using CmBot.Domain.Conversations;
using CmBot.Domain.Routines;
using CmBot.Domain.Tests.Agenda;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Routines;

public sealed class AboutReviewTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ManualClock clock = ManualClock.Default();
    private readonly TestChannel chat;

    public AboutReviewTests()
    {
        chat = new TestChannel(store, clock);
        chat.WithDb(db =>
        {
            var brand = new BrandBuilder().WithMember(Ana).WithMember(Bob).LinkedTo("test", "room-1")
                .WithProfile(Network.Instagram, "@acme").WithProfile(Network.LinkedIn, "acme-sa").SaveIn(db);
            // Reviewed last in October, late at night UTC: already 12 October in Paris.
            var linkedIn = brand.Profiles.Single(p => p.Network == Network.LinkedIn);
            linkedIn.AboutReviewedAt = new DateTimeOffset(2026, 10, 11, 22, 30, 0, TimeSpan.Zero);
            linkedIn.AboutReviewedBy = "Chloé";
            return db.SaveChanges();
        });
    }

    [Fact]
    public async Task Card_ListsEveryProfile_WithTheLocalDateOfItsLastReview()
    {
        var card = await RoutinePosting.PostAsync(store, clock, RoutineKind.AboutReview);

        Assert.Equal(["Instagram · @acme", "LinkedIn · acme-sa"], card.Sections.Select(s => s.Title));
        Assert.Equal("never", card.Sections[0].Facts.Single().Value);
        Assert.Equal("Oct 12, 2026 (Chloé)", card.Sections[1].Facts.Single().Value);
        Assert.All(card.Sections, s => Assert.Equal("Reviewed", Assert.Single(s.Actions).Label));
        Assert.StartsWith("0 of 2 reviewed", card.State);
    }

    [Fact]
    public async Task Ticking_UpdatesTheCard_AndTheLastTickCompletesTheOccurrence()
    {
        var card = await RoutinePosting.PostAsync(store, clock, RoutineKind.AboutReview);

        await chat.ClickIn(Ana, card, "Instagram · @acme", "Reviewed");
        var first = Assert.IsType<CardUpdate>(Assert.Single(chat.Last)).Card;
        Assert.Equal(card.Key, first.Key);
        Assert.StartsWith("1 of 2 reviewed", first.State);
        Assert.Empty(first.Sections[0].Actions);
        Assert.Contains("Reviewed by Ana", first.Sections[0].Text);
        await using (var db = store.NewDb())
            Assert.Equal(OccurrenceState.Due, (await db.RoutineOccurrences.SingleAsync()).State);

        await chat.ClickIn(Bob, first, "LinkedIn · acme-sa", "Reviewed");

        var last = chat.LastCard;
        Assert.StartsWith("Done by Bob", last.State);
        Assert.Empty(last.AllActions);
        await using var check = store.NewDb();
        var occurrence = await check.RoutineOccurrences.SingleAsync();
        Assert.Equal((OccurrenceState.Done, "Bob"), (occurrence.State, occurrence.DoneByName));
        var linkedIn = await check.SocialProfiles.SingleAsync(p => p.Network == Network.LinkedIn);
        Assert.Equal((clock.GetUtcNow(), "Bob"), (linkedIn.AboutReviewedAt, linkedIn.AboutReviewedBy));
    }

    [Fact]
    public async Task Ticking_TheSameProfileTwice_SaysWhoReviewedIt()
    {
        var card = await RoutinePosting.PostAsync(store, clock, RoutineKind.AboutReview);

        await chat.ClickIn(Ana, card, "Instagram · @acme", "Reviewed");
        await chat.ClickIn(Bob, card, "Instagram · @acme", "Reviewed");

        Assert.Contains("already reviewed by Ana", chat.LastText);
        await using var db = store.NewDb();
        Assert.Equal("Ana", (await db.SocialProfiles.SingleAsync(p => p.Network == Network.Instagram)).AboutReviewedBy);
    }

    public void Dispose()
    {
        chat.Dispose();
        store.Dispose();
    }
}
