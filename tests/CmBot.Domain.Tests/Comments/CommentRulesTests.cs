using CmBot.Domain.Brands;
using CmBot.Domain.Comments;
using CmBot.Domain.Common;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Comments;

public sealed class CommentRulesTests
{
    private static readonly DateTimeOffset Now = ManualClock.Default().GetUtcNow();
    private readonly Brand brand = new BrandBuilder().WithReplyDeadline(45).Build();

    private Comment Receive(string text) => Comment.Receive(brand, Network.Instagram, "@jane", text, null, Now);

    [Fact]
    public void Receive_SetsTheDeadlineFromTheBrandsSetting()
    {
        var comment = Receive("Nice post!");

        Assert.Equal(Now.AddMinutes(45), comment.DeadlineAt);
        Assert.Equal(CommentState.Open, comment.State);
        Assert.False(comment.IsUrgent);
        Assert.Null(comment.EscalatedAt);
    }

    [Theory]
    [InlineData("Je veux un REMBOURSEMENT tout de suite")]
    [InlineData("C'est une arnaque !")]
    [InlineData("J'ai déposé une plainte.")]
    [InlineData("I want a refund.")]
    [InlineData("This is a scam!!")]
    [InlineData("Where are my refunds")]
    public void Receive_WithAnAlertWord_IsUrgentAndEscalatedAtOnce(string text)
    {
        var comment = Receive(text);

        Assert.True(comment.IsUrgent);
        Assert.Equal(Now, comment.EscalatedAt);
    }

    [Theory]
    [InlineData("That scammer video was funny")]
    [InlineData("Refundable tickets?")]
    [InlineData("Nice plaintext tutorial")]
    public void Receive_WithAWordThatOnlyStartsLikeAnAlertWord_IsNotUrgent(string text) =>
        Assert.False(Receive(text).IsUrgent);

    [Fact]
    public void Receive_MatchesAlertWords_IgnoringAccentsBothWays()
    {
        brand.AlertWords = ["décevant"];

        Assert.True(Receive("Franchement DECEVANT").IsUrgent);
        Assert.True(AlertWordMatcher.Matches("très décevant", ["decevant"]));
    }

    [Fact]
    public void Receive_MatchesAnAlertPhraseOfSeveralWords()
    {
        brand.AlertWords = ["bad buzz"];

        Assert.True(Receive("This is turning into a Bad-Buzz").IsUrgent);
        Assert.False(Receive("bad news, buzz off").IsUrgent);
    }

    [Fact]
    public void MarkReplied_Twice_IsRefusedSayingWhoRepliedAndWhen()
    {
        var comment = Receive("Hello");
        comment.Id = 7;
        comment.MarkReplied(BrandBuilder.Ana, Now, "Thanks!", Language.En);

        var refused = Assert.Throws<DomainException>(() => comment.MarkReplied(BrandBuilder.Bob, Now.AddMinutes(3), null, Language.En));

        Assert.Equal("Comment 7 was already replied to by Ana 3 minutes ago.", refused.Message);
        Assert.Equal("Ana", comment.HandledByName);
        Assert.Equal("Thanks!", comment.ReplyText);
    }

    [Fact]
    public void Assign_ADismissedComment_IsRefusedInFrench()
    {
        var comment = Receive("Hello");
        comment.Dismiss(BrandBuilder.Chloe, Now, Language.Fr);

        var refused = Assert.Throws<DomainException>(() => comment.AssignTo(BrandBuilder.Ana, Now.AddHours(2), Language.Fr));

        Assert.Contains("déjà été classé par Chloé il y a 2 heures", refused.Message);
        Assert.Null(comment.AssignedToId);
    }

    [Fact]
    public void EveryMove_BumpsTheVersion()
    {
        var comment = Receive("Hello");

        comment.AssignTo(BrandBuilder.Ana, Now, Language.En);
        comment.MarkReplied(BrandBuilder.Ana, Now, null, Language.En);

        Assert.Equal(2, comment.Version);
        Assert.Equal(CommentState.Replied, comment.State);
    }
}
