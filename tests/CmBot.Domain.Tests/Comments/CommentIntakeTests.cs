using CmBot.Domain.Brands;
using CmBot.Domain.Comments;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Tests.Comments;

public sealed class CommentIntakeTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ManualClock clock = ManualClock.Default();

    private Brand SeedBrand(Func<BrandBuilder, BrandBuilder> shape)
    {
        using var db = store.NewDb();
        return shape(new BrandBuilder()).SaveIn(db);
    }

    [Fact]
    public async Task Receive_AnUrgentComment_PostsItsCardAndCallsTheOnDutyPeopleByName()
    {
        var brand = SeedBrand(b => b.InFrench().WithMember(BrandBuilder.Ana, onDuty: true).WithMember(BrandBuilder.Bob).WithMember(BrandBuilder.Chloe, onDuty: true));
        await using var db = store.NewDb();

        var arrival = await CommentIntake.ReceiveAsync(db, brand,
            new IncomingComment(Network.Facebook, "Marc", "Je demande le remboursement !", null, clock.GetUtcNow()), clock);

        Assert.True(arrival.IsNew);
        Assert.True(arrival.Comment.IsUrgent);
        Assert.Equal(clock.GetUtcNow(), arrival.Comment.EscalatedAt);
        var card = Assert.IsType<CardReply>(arrival.Replies[0]).Card;
        Assert.Equal(CommentCard.KeyOf(arrival.Comment.Id), card.Key);
        var call = Assert.IsType<TextReply>(arrival.Replies[1]).Text;
        Assert.Contains("@Ana, @Chloé", call);
        Assert.DoesNotContain("Bob", call);
        Assert.Contains("« remboursement »", call);
    }

    [Fact]
    public async Task Receive_AnOrdinaryComment_PostsOnlyItsCard()
    {
        var brand = SeedBrand(b => b.WithMember(BrandBuilder.Ana, onDuty: true));
        await using var db = store.NewDb();

        var arrival = await CommentIntake.ReceiveAsync(db, brand,
            new IncomingComment(Network.X, "@joe", "Great launch", "https://x.com/joe/9", clock.GetUtcNow()), clock);

        Assert.IsType<CardReply>(Assert.Single(arrival.Replies));
    }

    [Fact]
    public async Task Receive_TheSameExternalIdTwice_StoresItOnce()
    {
        var brand = SeedBrand(b => b);
        var incoming = new IncomingComment(Network.Instagram, "@jane", "Hi", null, clock.GetUtcNow(), ExternalId: "ig-123");

        await using (var db = store.NewDb()) await CommentIntake.ReceiveAsync(db, brand, incoming, clock);
        await using var again = store.NewDb();
        var second = await CommentIntake.ReceiveAsync(again, brand, incoming, clock);

        Assert.False(second.IsNew);
        Assert.Empty(second.Replies);
        Assert.Equal(1, await again.Comments.CountAsync());
    }

    [Fact]
    public async Task TwoPeopleReplyingAtOnce_OnlyTheFirstLands_AndTheSecondIsToldWho()
    {
        var brand = SeedBrand(b => b);
        int id;
        await using (var db = store.NewDb())
            id = (await CommentIntake.ReceiveAsync(db, brand, new IncomingComment(Network.X, "@joe", "Hi", null, clock.GetUtcNow()), clock)).Comment.Id;
        await using var first = store.NewDb();
        await using var second = store.NewDb();
        var seenByAna = await first.Comments.SingleAsync(c => c.Id == id);
        var seenByBob = await second.Comments.SingleAsync(c => c.Id == id);

        seenByAna.MarkReplied(BrandBuilder.Ana, clock.GetUtcNow(), "Hello Joe", Language.En);
        Assert.Null(await CommentSaver.TrySaveAsync(first, seenByAna, clock.GetUtcNow(), Language.En, default));
        seenByBob.Dismiss(BrandBuilder.Bob, clock.GetUtcNow(), Language.En);
        var conflict = await CommentSaver.TrySaveAsync(second, seenByBob, clock.GetUtcNow(), Language.En, default);

        Assert.Equal($"Comment {id} was already replied to by Ana just now.", conflict);
        Assert.Equal(CommentState.Replied, seenByBob.State);
        await using var check = store.NewDb();
        Assert.Equal("Ana", (await check.Comments.SingleAsync(c => c.Id == id)).HandledByName);
    }

    public void Dispose() => store.Dispose();
}
