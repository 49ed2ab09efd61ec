using CmBot.Domain.Brands;
using CmBot.Domain.Comments;
using CmBot.Domain.Common;
using CmBot.Domain.Drafts;
using CmBot.Domain.Numbers;
using CmBot.Domain.Routines;
using CmBot.Domain.Store;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Numbers;

public sealed class TeamNumbersTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ManualClock clock = ManualClock.Default();
    private readonly Brand brand;
    /// <summary>Monday 16 November 2026, 00:00 in Paris: the start of the clock's week.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 0, 0, 0, TimeSpan.FromHours(1));

    public TeamNumbersTests()
    {
        using var db = store.NewDb();
        brand = new BrandBuilder().WithInfluencer("Léa", "@lea").SaveIn(db);
    }

    private void Seed(Action<CmBotDb> arrange)
    {
        using var db = store.NewDb();
        arrange(db);
        db.SaveChanges();
    }

    private Draft Draft(DateTimeOffset created, TimeSpan toDecision, DraftState state) => new()
    {
        BrandId = brand.Id, Text = "post", AuthorId = "u-ana", AuthorName = "Ana",
        CreatedAt = created, DecidedAt = created + toDecision, State = state,
    };

    private Comment Received(DateTimeOffset at, bool needsReply = true) =>
        Comment.Receive(brand, Network.Facebook, "@joe", "hi", null, at, needsReply: needsReply);

    private async Task<WeeklyNumbers> Compute(bool lastWeek = false)
    {
        await using var db = store.NewDb();
        return await new NumbersCalculator(db, clock).ComputeAsync(brand, lastWeek);
    }

    [Fact]
    public async Task TeamNumbers_CountApprovalsInTheSpan_WithTheirMedianTime()
    {
        Seed(db => db.Drafts.AddRange(
            Draft(Monday.AddHours(9), TimeSpan.FromMinutes(30), DraftState.Approved),
            Draft(Monday.AddDays(1), TimeSpan.FromHours(2), DraftState.Published),
            Draft(Monday.AddDays(2), TimeSpan.FromHours(5), DraftState.Approved),
            Draft(Monday.AddDays(2), TimeSpan.FromHours(1), DraftState.Rejected),
            Draft(Monday.AddMinutes(-90), TimeSpan.FromMinutes(60), DraftState.Approved),   // decided Sunday 23:30 local: last week
            Draft(Monday.AddDays(-7).AddHours(9), TimeSpan.FromHours(3), DraftState.Approved),
            Draft(Monday.AddDays(5).AddHours(10), TimeSpan.FromHours(2), DraftState.Approved))); // decided Saturday 12:00: after now

        var numbers = await Compute();

        Assert.Equal(3, numbers.Team.DraftsApproved);
        Assert.Equal(TimeSpan.FromHours(2), numbers.Team.MedianTimeToApproval);
        Assert.Equal(1, numbers.PreviousTeam.DraftsApproved);
        Assert.Equal(TimeSpan.FromHours(3), numbers.PreviousTeam.MedianTimeToApproval);
    }

    [Fact]
    public async Task TeamNumbers_ShareRepliedWithinTheDeadline_CountsRepliedAndOverdueButNotPendingOrDismissed()
    {
        Seed(db =>
        {
            var inTime = Received(Monday.AddHours(10));
            inTime.MarkReplied(BrandBuilder.Ana, inTime.ReceivedAt.AddMinutes(20), null, Language.En);
            var late = Received(Monday.AddHours(11));
            late.MarkReplied(BrandBuilder.Bob, late.ReceivedAt.AddMinutes(90), null, Language.En);
            var neverAnswered = Received(Monday.AddDays(1));
            var stillInTime = Received(clock.GetUtcNow().AddMinutes(-10));
            var dismissed = Received(Monday.AddDays(2));
            dismissed.Dismiss(BrandBuilder.Ana, dismissed.ReceivedAt.AddMinutes(5), Language.En);
            var noReplyNeeded = Received(Monday.AddDays(3), needsReply: false);
            db.Comments.AddRange(inTime, late, neverAnswered, stillInTime, dismissed, noReplyNeeded);
        });

        var team = (await Compute()).Team;

        Assert.Equal(6, team.CommentsReceived);
        Assert.Equal((1, 3), (team.RepliedInTime, team.RepliesExpected));
        Assert.Equal(TimeSpan.FromMinutes(55), team.MedianReplyTime);
    }

    [Fact]
    public async Task TeamNumbers_MedianReplyTime_IsTheMiddleOfThisSpansRepliesToCommentsThatNeededOne()
    {
        Seed(db =>
        {
            var other = new BrandBuilder("Other").SaveIn(db);
            Comment Replied(Brand of, DateTimeOffset at, int minutes, bool needsReply = true)
            {
                var comment = Comment.Receive(of, Network.Facebook, "@joe", "hi", null, at, needsReply: needsReply);
                comment.MarkReplied(BrandBuilder.Ana, at.AddMinutes(minutes), null, Language.En);
                return comment;
            }
            db.Comments.AddRange(
                Replied(brand, Monday.AddHours(9), 50), Replied(brand, Monday.AddHours(10), 10),
                Replied(brand, Monday.AddHours(11), 40), Replied(brand, Monday.AddHours(12), 20),
                Replied(brand, Monday.AddHours(13), 30),                  // the middle of 10, 20, 30, 40, 50
                Replied(brand, Monday.AddHours(14), 1, needsReply: false), // no reply was needed
                Replied(brand, Monday.AddDays(-7).AddHours(9), 2),        // last week
                Replied(other, Monday.AddHours(15), 3), Replied(other, Monday.AddHours(16), 4)); // another brand's
        });

        var numbers = await Compute();

        Assert.Equal(TimeSpan.FromMinutes(30), numbers.Team.MedianReplyTime);
        Assert.Equal((6, 5, 5), (numbers.Team.CommentsReceived, numbers.Team.RepliesExpected, numbers.Team.RepliedInTime));
        Assert.Equal(TimeSpan.FromMinutes(2), numbers.PreviousTeam.MedianReplyTime);
    }

    [Fact]
    public async Task TeamNumbers_CountContactsAndRoutinesDoneOnTime()
    {
        var influencerId = brand.Influencers[0].Id;
        Seed(db =>
        {
            db.InfluencerContacts.AddRange(
                new InfluencerContact { BrandId = brand.Id, InfluencerId = influencerId, ContactedAt = Monday.AddHours(15), ById = "u-ana", ByName = "Ana" },
                new InfluencerContact { BrandId = brand.Id, InfluencerId = influencerId, ContactedAt = Monday.AddDays(3), ById = "u-ana", ByName = "Ana" },
                new InfluencerContact { BrandId = brand.Id, InfluencerId = influencerId, ContactedAt = Monday.AddDays(-3), ById = "u-ana", ByName = "Ana" });
            db.Routines.Add(new Routine
            {
                BrandId = brand.Id, Kind = RoutineKind.AdCheck, Enabled = true, Cadence = Cadence.Daily,
                Occurrences =
                [
                    Occurrence("2026-W47", Monday.AddHours(10), OccurrenceState.Done, Monday.AddDays(1)),     // on time
                    Occurrence("2026-11-17", Monday.AddDays(1).AddHours(10), OccurrenceState.Done, Monday.AddDays(2).AddHours(9)), // a day late
                    Occurrence("2026-11-19", Monday.AddDays(3).AddHours(10), OccurrenceState.Skipped, null),  // not counted
                    Occurrence("2026-11-20", Monday.AddDays(4).AddHours(10), OccurrenceState.Due, null),      // missed
                    Occurrence("2026-11-21", Monday.AddDays(5).AddHours(9), OccurrenceState.Due, null),       // today: not late yet
                ],
            });
        });

        var numbers = await Compute();

        Assert.Equal((2, 1), (numbers.Team.InfluencerContacts, numbers.PreviousTeam.InfluencerContacts));
        Assert.Equal((1, 3), (numbers.Team.RoutinesOnTime, numbers.Team.RoutinesCounted));
    }

    [Fact]
    public async Task TeamSection_OnTheCard_ShowsMediansAndTheShare_InFrench()
    {
        Seed(db =>
        {
            db.Drafts.Add(Draft(Monday.AddHours(9), TimeSpan.FromMinutes(95), DraftState.Approved));
            var inTime = Received(Monday.AddHours(10));
            inTime.MarkReplied(BrandBuilder.Ana, inTime.ReceivedAt.AddMinutes(20), null, Language.En);
            var late = Received(Monday.AddHours(12));
            late.MarkReplied(BrandBuilder.Ana, late.ReceivedAt.AddMinutes(70), null, Language.En);
            var third = Received(Monday.AddHours(13));
            third.MarkReplied(BrandBuilder.Ana, third.ReceivedAt.AddMinutes(30), null, Language.En);
            db.Comments.AddRange(inTime, late, third);
        });

        var card = NumbersCard.Build(await Compute(), Language.Fr);

        var team = card.Sections.Single(s => s.Title == "Équipe").Facts.ToDictionary(f => f.Label, f => f.Value.Plain());
        Assert.Equal("1 · ▲ 1", team["Brouillons approuvés"]);
        Assert.Equal("1 h 35 min · contre —", team["Délai médian d'approbation"]);
        Assert.Equal("66,7 % (2 sur 3) · contre —", team["Réponses dans le délai"]);
        Assert.Equal("30 min · contre —", team["Délai médian de réponse"]);
    }

    private RoutineOccurrence Occurrence(string period, DateTimeOffset due, OccurrenceState state, DateTimeOffset? doneAt) => new()
    {
        BrandId = brand.Id, Period = period, DueAt = due, State = state, DoneAt = doneAt,
        DoneById = doneAt is null ? null : "u-ana", DoneByName = doneAt is null ? null : "Ana",
    };

    public void Dispose() => store.Dispose();
}
