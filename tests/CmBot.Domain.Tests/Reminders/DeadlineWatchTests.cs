using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Comments;
using CmBot.Domain.Delivery;
using CmBot.Domain.Drafts;
using CmBot.Domain.Tests.Support;
using static CmBot.Domain.Tests.Reminders.ReminderWorld;

namespace CmBot.Domain.Tests.Reminders;

public sealed class DeadlineWatchTests : IDisposable
{
    private readonly ReminderWorld world = new(Paris2026(11, 23, 14, 0));

    private Comment AddComment(Brand brand, TimeSpan ago, string text = "Where is my order?")
    {
        return world.WithDb(db =>
        {
            var comment = Comment.Receive(brand, Network.Instagram, "Léa", text, null, world.Clock.GetUtcNow() - ago);
            db.Comments.Add(comment);
            db.SaveChanges();
            // Its card was posted in the room when it arrived.
            db.CardPosts.Add(new CardPost { CardKey = CommentCard.KeyOf(comment.Id), Channel = "test", ConversationId = "room-1", MessageId = "m-1" });
            db.SaveChanges();
            return comment;
        });
    }

    [Fact]
    public async Task Comment_With15MinutesLeft_IsRemindedOnce_AndItsCardRefreshed()
    {
        var brand = world.AddBrand();
        AddComment(brand, TimeSpan.FromMinutes(46));

        Assert.Equal(1, await world.WatchComments());
        Assert.Equal(0, await world.WatchComments());

        var rows = world.Outbox();
        Assert.Single(rows, r => r.Kind == OutboxKind.Update && r.MessageId == "m-1");
        var texts = rows.Where(r => r.Kind == OutboxKind.Post).Select(r => OutboundContent.FromJson(r.Content).Text!).ToList();
        Assert.Equal(2, texts.Count); // both linked channels
        Assert.All(texts, t => Assert.Contains("14 minutes left", t));
    }

    [Fact]
    public async Task Comment_WithMoreThan15MinutesLeft_IsLeftAlone()
    {
        var brand = world.AddBrand();
        AddComment(brand, TimeSpan.FromMinutes(44));

        Assert.Equal(0, await world.WatchComments());
        Assert.Empty(world.Outbox());
    }

    [Fact]
    public async Task Comment_AtItsDeadline_TurnsOverdueEverywhere_AndCallsTheOnDutyOnce()
    {
        var brand = world.AddBrand();
        AddComment(brand, TimeSpan.FromMinutes(46));
        await world.WatchComments();
        world.Clock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal(1, await world.WatchComments());
        Assert.Equal(0, await world.WatchComments());

        var rows = world.Outbox();
        var overdueCard = OutboundContent.FromJson(rows.Last(r => r.Kind == OutboxKind.Update).Content).Card!;
        Assert.StartsWith("Overdue by", overdueCard.State);
        var calls = rows.Where(r => r.Kind == OutboxKind.Post).Select(r => OutboundContent.FromJson(r.Content)).Where(c => c.Text!.Contains("overdue")).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal([BrandBuilder.Ana.Id], c.Mentions.Select(m => m.Id)));
    }

    [Fact]
    public async Task Comment_RepliedBeforeItsDeadline_IsNeitherRemindedNorOverdue()
    {
        var brand = world.AddBrand();
        var comment = AddComment(brand, TimeSpan.FromMinutes(50));
        world.WithDb(db =>
        {
            db.Comments.Single(c => c.Id == comment.Id).MarkReplied(BrandBuilder.Bob, world.Clock.GetUtcNow(), "Sent it!", brand.Language);
            return db.SaveChanges();
        });
        world.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(0, await world.WatchComments());
        Assert.Empty(world.Outbox());
    }

    [Fact]
    public async Task Draft_StillPendingAnHourBeforeItsTime_NudgesTheApproversOnce()
    {
        var brand = world.AddBrand();
        world.WithDb(db =>
        {
            db.Drafts.Add(Draft(brand, planned: world.Clock.GetUtcNow().AddMinutes(55), DraftState.Pending));
            db.Drafts.Add(Draft(brand, planned: world.Clock.GetUtcNow().AddMinutes(50), DraftState.Approved));
            db.Drafts.Add(Draft(brand, planned: world.Clock.GetUtcNow().AddMinutes(90), DraftState.Pending));
            return db.SaveChanges();
        });

        Assert.Equal(1, await world.WatchDrafts());
        Assert.Equal(0, await world.WatchDrafts());

        var nudges = world.Outbox().Select(r => OutboundContent.FromJson(r.Content)).ToList();
        Assert.Equal(2, nudges.Count);
        Assert.All(nudges, n => Assert.Equal([BrandBuilder.Ana.Id, BrandBuilder.Bob.Id], n.Mentions.Select(m => m.Id).Order()));
        Assert.All(nudges, n => Assert.Contains("14:55", n.Text));
    }

    private static Draft Draft(Brand brand, DateTimeOffset planned, DraftState state) => new()
    {
        BrandId = brand.Id, Text = "Black Friday is here", Networks = [Network.Instagram], AuthorId = "u-chloe", AuthorName = "Chloé",
        CreatedAt = planned.AddDays(-1), PlannedAt = planned, State = state,
    };

    public void Dispose() => world.Dispose();
}
