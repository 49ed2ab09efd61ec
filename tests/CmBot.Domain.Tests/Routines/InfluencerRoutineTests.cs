using CmBot.Domain.Brands;
using CmBot.Domain.Conversations;
using CmBot.Domain.Routines;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Routines;

public sealed class InfluencerRoutineTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ManualClock clock = ManualClock.Default();
    private readonly TestChannel chat;

    public InfluencerRoutineTests()
    {
        chat = new TestChannel(store, clock);
        var now = clock.GetUtcNow();
        chat.WithDb(db => new BrandBuilder().WithMember(Ana).WithMember(Bob).LinkedTo("test", "room-1")
            .WithInfluencer("Zoé", "@zoe", lastContactedAt: now.AddDays(-60))
            .WithInfluencer("Marc", "@marc", lastContactedAt: now.AddDays(-10))
            .WithInfluencer("Léa", "@lea")
            .SaveIn(db));
    }

    [Fact]
    public void Proposal_PutsNeverContactedFirst_ThenTheOldestContact_TiesByName()
    {
        var at = clock.GetUtcNow();
        Influencer Make(int id, string name, DateTimeOffset? last) => new() { Id = id, Name = name, Handle = "@" + name, LastContactedAt = last };
        var list = new[]
        {
            Make(1, "Marc", at.AddDays(-10)), Make(2, "Zoé", at.AddDays(-60)), Make(3, "Yann", null),
            Make(4, "Alice", at.AddDays(-60)), Make(5, "Bea", null),
        };

        Assert.Equal(["Bea", "Yann", "Alice", "Zoé", "Marc"], InfluencerList.InProposalOrder(list).Select(i => i.Name));
    }

    [Fact]
    public async Task WeeklyCard_ProposesTheOneNeverContacted()
    {
        var card = await RoutinePosting.PostAsync(store, clock, RoutineKind.InfluencerContact);

        Assert.StartsWith("routine-", card.Key);
        Assert.Contains("Léa (@lea)", card.Text);
        Assert.Equal("never", card.Facts.Single(f => f.Label == "Last contact").Value);
        Assert.Equal(["Done", "Snooze one day", "Someone else"], card.Actions.Select(a => a.Label));
    }

    [Fact]
    public async Task Done_ClickedTwice_RecordsOneContact_AndSaysWhoDidIt()
    {
        var card = await RoutinePosting.PostAsync(store, clock, RoutineKind.InfluencerContact);

        await chat.Click(Ana, card, "Done");
        var update = Assert.IsType<CardUpdate>(Assert.Single(chat.Last));
        Assert.Equal(card.Key, update.Card.Key);
        Assert.StartsWith("Done by Ana", update.Card.State);
        Assert.Empty(update.Card.Actions);

        clock.Advance(TimeSpan.FromMinutes(2));
        await chat.Click(Bob, card, "Done");

        Assert.Contains("Already done by Ana, 2 minutes ago", chat.LastText);
        await using var db = store.NewDb();
        var contact = await db.InfluencerContacts.SingleAsync();
        Assert.Equal(("Ana", "@lea"), (contact.ByName, (await db.Influencers.SingleAsync(i => i.Id == contact.InfluencerId)).Handle));
        Assert.Equal(clock.GetUtcNow().AddMinutes(-2), (await db.Influencers.SingleAsync(i => i.Handle == "@lea")).LastContactedAt);
        var occurrence = await db.RoutineOccurrences.SingleAsync();
        Assert.Equal((OccurrenceState.Done, "u-ana", 1), (occurrence.State, occurrence.DoneById, occurrence.Version - 1));
    }

    [Fact]
    public async Task Snooze_PutsItOffOneDay_AndASecondClickSaysWhoSnoozed()
    {
        var card = await RoutinePosting.PostAsync(store, clock, RoutineKind.InfluencerContact);

        await chat.Click(Bob, card, "Snooze one day");
        Assert.StartsWith("Snoozed by Bob until Sun, Nov 22, 10:00", chat.LastCard.State);
        await chat.Click(Ana, card, "Snooze one day");

        Assert.Contains("Already snoozed by Bob", chat.LastText);
        await using var db = store.NewDb();
        var occurrence = await db.RoutineOccurrences.SingleAsync();
        Assert.Equal((OccurrenceState.Snoozed, clock.GetUtcNow().AddDays(1)), (occurrence.State, occurrence.SnoozedUntil));
        Assert.Empty(await db.InfluencerContacts.ToListAsync());
    }

    [Fact]
    public async Task SomeoneElse_ProposesTheNextCandidate_AndAStaleSecondClickDoesNotSkipAnother()
    {
        var card = await RoutinePosting.PostAsync(store, clock, RoutineKind.InfluencerContact);

        await chat.Click(Ana, card, "Someone else");
        Assert.Contains("Zoé (@zoe)", chat.LastCard.Text);
        await chat.Click(Bob, card, "Someone else"); // The same, now stale, card.

        Assert.Contains("Zoé (@zoe)", chat.LastCard.Text);
        await using var db = store.NewDb();
        var zoe = await db.Influencers.SingleAsync(i => i.Handle == "@zoe");
        Assert.Equal(zoe.Id, (await db.RoutineOccurrences.SingleAsync()).InfluencerId);
    }

    [Fact]
    public async Task Done_AfterSomeoneElse_RecordsTheContactWithTheNewCandidate()
    {
        var card = await RoutinePosting.PostAsync(store, clock, RoutineKind.InfluencerContact);
        await chat.Click(Ana, card, "Someone else");

        await chat.Click(Ana, chat.LastCard, "Done");

        await using var db = store.NewDb();
        var contact = await db.InfluencerContacts.SingleAsync();
        Assert.Equal("@zoe", (await db.Influencers.SingleAsync(i => i.Id == contact.InfluencerId)).Handle);
    }

    [Fact]
    public async Task Done_WhenAnotherClickSavedFirst_ReloadsAndSaysWhoDidIt()
    {
        var card = await RoutinePosting.PostAsync(store, clock, RoutineKind.InfluencerContact);
        // Another instance read the occurrence before Ana's click landed, and saves after it.
        await using var other = store.NewDb();
        var stale = await other.RoutineOccurrences.SingleAsync();
        await chat.Click(Ana, card, "Done");

        OccurrenceRules.Done(stale, Bob, clock.GetUtcNow());
        var current = await OccurrenceBook.SaveOrReloadAsync(other, stale, CancellationToken.None);

        Assert.NotNull(current);
        Assert.Equal(OccurrenceOutcome.AlreadyDone, OccurrenceRules.Standing(current, clock.GetUtcNow()));
        Assert.Equal("Ana", current.DoneByName);
    }

    public void Dispose()
    {
        chat.Dispose();
        store.Dispose();
    }
}
