using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Comments;
using CmBot.Domain.Common;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Comments;

public sealed class CommentStatusTests
{
    private static readonly DateTimeOffset Received = ManualClock.Default().GetUtcNow();
    private readonly Brand brand = new BrandBuilder().Build();

    [Theory]
    [InlineData(20, "Reply due in 40 minutes", CardTone.Neutral)]
    [InlineData(45, "Reply due in 15 minutes", CardTone.Warning)]
    [InlineData(59, "Reply due in 1 minute", CardTone.Warning)]
    [InlineData(65, "Overdue by 5 minutes", CardTone.Attention)]
    public void Describe_ReadsTheClock(int minutesLater, string expected, CardTone tone)
    {
        var comment = Comment.Receive(brand, Network.X, "@joe", "hi", null, Received);

        var (state, actualTone) = CommentStatus.Describe(comment, Received.AddMinutes(minutesLater), Language.En);

        Assert.Equal(expected, state);
        Assert.Equal(tone, actualTone);
    }

    [Fact]
    public void Describe_AnUrgentComment_IsAttentionEvenBeforeItsDeadline()
    {
        var comment = Comment.Receive(brand, Network.X, "@joe", "refund please", null, Received);

        Assert.Equal(CardTone.Attention, CommentStatus.Describe(comment, Received, Language.En).Tone);
    }

    [Fact]
    public void Describe_InFrench()
    {
        var comment = Comment.Receive(brand, Network.X, "@joe", "hi", null, Received);

        Assert.Equal("Réponse attendue dans 12 minutes", CommentStatus.Describe(comment, Received.AddMinutes(48), Language.Fr).State);
        Assert.Equal("En retard de 2 heures", CommentStatus.Describe(comment, Received.AddMinutes(180), Language.Fr).State);
        comment.MarkReplied(BrandBuilder.Ana, Received.AddMinutes(10), null, Language.Fr);
        Assert.Equal("Répondu par Ana · il y a 2 minutes", CommentStatus.Describe(comment, Received.AddMinutes(12), Language.Fr).State);
    }

    [Fact]
    public void Card_OfAClosedComment_HasNoButtons_AndSaysWhoClosedIt()
    {
        var comment = Comment.Receive(brand, Network.X, "@joe", "hi", "https://x.com/joe/1", Received);
        comment.Id = 3;
        comment.Dismiss(BrandBuilder.Bob, Received, Language.En);

        var card = CommentCard.Build(comment, brand, brand.Time(new ManualClock(Received.AddMinutes(2))));

        Assert.Equal("comment-3", card.Key);
        Assert.Equal(CardKind.Comment, card.Kind);
        Assert.Equal("Dismissed by Bob · 2 minutes ago", card.State);
        Assert.Empty(card.AllActions);
        Assert.Contains(card.Facts, f => f.Value == "https://x.com/joe/1");
    }
}
