using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Comments;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Tests.Comments;

public sealed class CommentConversationTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ManualClock clock = ManualClock.Default();
    private readonly TestChannel chat;
    private readonly int acmeId;

    public CommentConversationTests()
    {
        chat = new TestChannel(store, clock);
        acmeId = chat.WithDb(db => new BrandBuilder()
            .WithMember(BrandBuilder.Ana, onDuty: true).WithMember(BrandBuilder.Bob)
            .LinkedTo("test", "room-1").SaveIn(db).Id);
    }

    private Comment Seed(string text, int minutesAgo = 0, string brandName = "Acme", bool needsReply = true) => chat.WithDb(db =>
    {
        var brand = db.Brands.Single(b => b.Name == brandName);
        var comment = Comment.Receive(brand, Network.Instagram, "@jane", text, null, clock.GetUtcNow().AddMinutes(-minutesAgo), needsReply: needsReply);
        db.Comments.Add(comment);
        db.SaveChanges();
        return comment;
    });

    private Comment Load(int id) => chat.WithDb(db => db.Comments.AsNoTracking().Single(c => c.Id == id));

    [Fact]
    public async Task Comment_PastItsDeadline_ShowsOverdue()
    {
        var comment = Seed("Is this in stock?");
        var key = CommentCard.KeyOf(comment.Id);

        await chat.Say(BrandBuilder.Ana, "comments");
        Assert.Equal("Reply due in 1 hour", chat.Cards[key].State);
        Assert.Equal(CardTone.Neutral, chat.Cards[key].Tone);

        clock.Advance(TimeSpan.FromMinutes(48));
        await chat.Say(BrandBuilder.Ana, "comments");
        Assert.Equal("Reply due in 12 minutes", chat.Cards[key].State);
        Assert.Equal(CardTone.Warning, chat.Cards[key].Tone);

        clock.Advance(TimeSpan.FromMinutes(17));
        await chat.Say(BrandBuilder.Ana, "comments");
        Assert.Equal("Overdue by 5 minutes", chat.Cards[key].State);
        Assert.Equal(CardTone.Attention, chat.Cards[key].Tone);
    }

    [Fact]
    public async Task MarkReplied_ThenASecondMark_IsRefusedSayingWhoReplied()
    {
        var comment = Seed("Love it");
        await chat.Say(BrandBuilder.Ana, "comments");
        var card = chat.Cards[CommentCard.KeyOf(comment.Id)];

        await chat.Click(BrandBuilder.Ana, card, "Mark replied", new Dictionary<string, string> { [CommentVerbs.ReplyText] = "Thank you!" });
        Assert.Equal("Replied by Ana · just now", chat.Cards[card.Key].State);
        Assert.Empty(chat.Cards[card.Key].AllActions);

        clock.Advance(TimeSpan.FromMinutes(4));
        await chat.Click(BrandBuilder.Bob, card, "Mark replied");

        Assert.Equal($"Comment {comment.Id} was already replied to by Ana 4 minutes ago.", chat.LastText);
        var stored = Load(comment.Id);
        Assert.Equal(("Ana", "Thank you!", 1), (stored.HandledByName, stored.ReplyText, stored.Version));
    }

    [Fact]
    public async Task Dismiss_AndAssign_AreSavedAndShownOnTheCard()
    {
        var comment = Seed("Meh");
        var card = CommentCard.Build(comment, chat.WithDb(db => db.Brands.Single()), BrandTimeNow());

        await chat.Click(BrandBuilder.Bob, card, "Assign to me");
        Assert.Contains(chat.LastCard.Facts, f => f is { Label: "Assigned to", Value: "Bob" });
        await chat.Click(BrandBuilder.Bob, card, "Dismiss");

        Assert.Equal("Dismissed by Bob · just now", chat.LastCard.State);
        Assert.Equal(CommentState.Dismissed, Load(comment.Id).State);
    }

    [Fact]
    public async Task Click_OnAnotherBrandsComment_IsRefusedAsNotFound()
    {
        chat.WithDb(db => new BrandBuilder("Globex").SaveIn(db));
        var theirs = Seed("Secret", brandName: "Globex");
        var forged = new CardClick(CommentVerbs.Replied, new Dictionary<string, string> { [CommentVerbs.CommentId] = theirs.Id.ToString() });

        await chat.Send(new ChatInput(chat.Where, BrandBuilder.Ana, Click: forged));

        Assert.Equal($"Comment {theirs.Id} was not found for Acme.", chat.LastText);
        Assert.Equal(CommentState.Open, Load(theirs.Id).State);
    }

    [Fact]
    public async Task Comments_ListsUrgentFirstThenByDeadline_AndSaysHowManyMore()
    {
        for (var i = 0; i < 11; i++) Seed($"question {i}", minutesAgo: i);
        var urgent = Seed("I want a refund", minutesAgo: 0);
        Seed("no reply needed", minutesAgo: 30, needsReply: false);

        await chat.Say(BrandBuilder.Ana, "comments");

        var cards = chat.Last.OfType<CardReply>().Select(r => r.Card).ToList();
        Assert.Equal(10, cards.Count);
        Assert.Equal(CommentCard.KeyOf(urgent.Id), cards[0].Key);
        Assert.Equal("question 10", cards[1].Text);
        Assert.Equal("question 9", cards[2].Text);
        Assert.Contains("2 more waiting", chat.LastText);
    }

    [Fact]
    public async Task Comments_WhenNoneWait_SaysSoInFrench()
    {
        chat.WithDb(db => db.Brands.Where(b => b.Id == acmeId).ExecuteUpdate(s => s.SetProperty(b => b.Language, Language.Fr)));

        await chat.Say(BrandBuilder.Ana, "commentaires");

        Assert.Equal("Aucun commentaire en attente de réponse pour Acme.", chat.LastText);
    }

    private BrandTime BrandTimeNow() => BrandTime.For("Europe/Paris", clock);

    public void Dispose()
    {
        chat.Dispose();
        store.Dispose();
    }
}
