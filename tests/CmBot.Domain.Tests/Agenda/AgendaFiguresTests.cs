using CmBot.Domain.Brands;
using CmBot.Domain.Comments;
using CmBot.Domain.Drafts;
using CmBot.Domain.Routines;
using CmBot.Domain.Tests.Support;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Agenda;

public sealed class AgendaFiguresTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ManualClock clock = ManualClock.Default();
    private readonly TestChannel chat;
    private readonly int brandId;

    public AgendaFiguresTests()
    {
        chat = new TestChannel(store, clock);
        brandId = chat.WithDb(db => new BrandBuilder().WithMember(Ana).LinkedTo("test", "room-1").SaveIn(db)).Id;
    }

    [Fact]
    public async Task Agenda_ShowsTheWaitingDraftAndTheOverdueComment()
    {
        var now = clock.GetUtcNow();
        chat.WithDb(db =>
        {
            db.Drafts.Add(NewDraft("Winter sale teaser", DraftState.Pending, now.AddDays(-2)));
            db.Drafts.Add(NewDraft("Already out", DraftState.Published, now.AddDays(-5)));
            db.Comments.Add(NewComment("Where is my order?", now.AddHours(-2), urgent: false));
            db.Comments.Add(NewComment("Any news?", now.AddHours(-3), urgent: false));
            db.Comments.Add(NewComment("This is a scam", now.AddMinutes(-10), urgent: true, deadline: now.AddMinutes(50)));
            var answered = NewComment("Thanks!", now.AddHours(-5), urgent: false);
            answered.State = CommentState.Replied;
            db.Comments.Add(answered);
            return db.SaveChanges();
        });

        await chat.Say(Ana, "agenda");

        var card = chat.LastCard;
        var drafts = Assert.Single(card.Sections, s => s.Title == "Drafts waiting");
        Assert.Contains("1 waiting", drafts.Text);
        Assert.Contains("Winter sale teaser", drafts.Text);
        var comments = Assert.Single(card.Sections, s => s.Title == "Comments");
        Assert.Equal("2", comments.Facts.Single(f => f.Label == "Overdue").Value);
        Assert.Equal("1", comments.Facts.Single(f => f.Label == "Urgent, open").Value);
    }

    [Fact]
    public async Task Agenda_ShowsPostsPlannedNextWeek_AndTheRoutinesOfTheWeek()
    {
        var now = clock.GetUtcNow();
        chat.WithDb(db =>
        {
            // Tuesday 24 November (week 48) is next week; 30 November is the week after.
            db.Drafts.Add(NewDraft("Advent calendar", DraftState.Approved, now, planned: new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero)));
            db.Drafts.Add(NewDraft("Too far ahead", DraftState.Approved, now, planned: new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero)));
            db.Drafts.Add(NewDraft("Turned down", DraftState.Rejected, now, planned: new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)));
            var influencer = new Routine { BrandId = brandId, Kind = RoutineKind.InfluencerContact, Enabled = true, Cadence = Cadence.Weekly };
            var blog = new Routine { BrandId = brandId, Kind = RoutineKind.BlogPost, Enabled = true, Cadence = Cadence.Weekly };
            influencer.Occurrences.Add(new RoutineOccurrence
            {
                BrandId = brandId, Period = "2026-W47", DueAt = new DateTimeOffset(2026, 11, 17, 9, 0, 0, TimeSpan.Zero),
                State = OccurrenceState.Done, DoneByName = "Ana", DoneById = Ana.Id,
            });
            blog.Occurrences.Add(new RoutineOccurrence { BrandId = brandId, Period = "2026-W47", DueAt = new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero) });
            db.Routines.AddRange(influencer, blog);
            return db.SaveChanges();
        });

        await chat.Say(Ana, "agenda");

        var card = chat.LastCard;
        var planned = Assert.Single(card.Sections, s => s.Title == "Planned next week (1)");
        Assert.Contains("Advent calendar", planned.Text);
        var routines = Assert.Single(card.Sections, s => s.Title == "Routines this week");
        Assert.Equal("Influencer contact (Ana)", routines.Facts.Single(f => f.Label == "Done").Value);
        Assert.Equal("Blog post", routines.Facts.Single(f => f.Label == "Missed").Value);
    }

    private Draft NewDraft(string text, DraftState state, DateTimeOffset createdAt, DateTimeOffset? planned = null) => new()
    {
        BrandId = brandId, Text = text, State = state, CreatedAt = createdAt, PlannedAt = planned,
        AuthorId = Ana.Id, AuthorName = Ana.Name, Networks = [Network.Instagram],
    };

    private Comment NewComment(string text, DateTimeOffset receivedAt, bool urgent, DateTimeOffset? deadline = null) => new()
    {
        BrandId = brandId, Network = Network.Facebook, Author = "Client", Text = text, ReceivedAt = receivedAt,
        DeadlineAt = deadline ?? receivedAt.AddHours(1), IsUrgent = urgent,
    };

    public void Dispose()
    {
        chat.Dispose();
        store.Dispose();
    }
}
