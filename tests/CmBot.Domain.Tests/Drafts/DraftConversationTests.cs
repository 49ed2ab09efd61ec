using CmBot.Domain.Brands;
using CmBot.Domain.Conversations;
using CmBot.Domain.Drafts;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Drafts;

/// <summary>The typed side of drafts: `drafts`, and the `new draft` dialog.</summary>
public sealed class DraftConversationTests : IDisposable
{
    private readonly DraftChat room = new();

    [Fact]
    public async Task NewDraft_SurvivesARestartMidway_AndEndsInAPendingDraftCard()
    {
        await room.Chat.Say(Chloe, "new draft");
        Assert.Contains("Which network(s)?", room.Chat.LastText);
        await room.Chat.Say(Chloe, "twiter, linkdin");
        Assert.Contains("limits: X 280, LinkedIn 3,000", room.Chat.LastText);

        room.Chat.Restart();
        await room.Chat.Say(Chloe, "Black Friday starts now! #deals");
        room.Chat.Restart();
        await room.Chat.Say(Chloe, "tomorrow 10:00");

        var card = room.Chat.LastCard;
        Assert.Equal(("draft-1", "Waiting for approval · submitted just now"), (card.Key, card.State));
        Assert.Equal("Sun, Nov 22, 10:00", card.Facts.Single(f => f.Label == "Planned").Value);
        Assert.Equal("Draft 1 is waiting for approval.", room.Chat.LastText);
        var stored = room.Stored(1);
        Assert.Equal((DraftState.Pending, "Black Friday starts now! #deals", "u-chloe"), (stored.State, stored.Text, stored.AuthorId));
        Assert.Equal([Network.X, Network.LinkedIn], stored.Networks);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero), stored.PlannedAt);
        Assert.Equal(0, room.Chat.WithDb(db => db.DialogStates.Count()));
    }

    [Fact]
    public async Task NewDraft_TextOverTheLimit_AsksAgain_ThenAcceptsOneThatFits()
    {
        await room.Chat.Say(Chloe, "new draft x");

        await room.Chat.Say(Chloe, new string('a', 281));
        Assert.Equal("Too long for X: 281 characters, the limit is 280. Send a shorter text, or `cancel`.", room.Chat.LastText);
        await room.Chat.Say(Chloe, new string('a', 280));
        Assert.Contains("When should it go out?", room.Chat.LastText);
        await room.Chat.Say(Chloe, "none");

        Assert.Equal("Not planned", room.Chat.LastCard.Facts.Single(f => f.Label == "Planned").Value);
        Assert.Equal(280, room.Stored(1).Text.Length);
    }

    [Fact]
    public async Task NewDraft_UnknownNetworkOrTime_IsAskedAgain()
    {
        await room.Chat.Say(Chloe, "new draft");
        await room.Chat.Say(Chloe, "myspace");
        Assert.StartsWith("I don't know myspace.", room.Chat.LastText);
        await room.Chat.Say(Chloe, "insta");
        await room.Chat.Say(Chloe, "Hello");
        await room.Chat.Say(Chloe, "whenever");
        Assert.StartsWith("I didn't get that time.", room.Chat.LastText);

        await room.Chat.Say(Chloe, "lundi 9:30");

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero), room.Stored(1).PlannedAt);
    }

    [Fact]
    public async Task NewDraft_Cancelled_SavesNothing()
    {
        await room.Chat.Say(Chloe, "new draft x");
        await room.Chat.Say(Chloe, "cancel");

        Assert.Equal(0, room.Chat.WithDb(db => db.Drafts.Count() + db.DialogStates.Count()));
    }

    [Fact]
    public async Task Drafts_WhenNoneWaiting_SaysSo()
    {
        room.Given(d => d.ApprovedBy(Ana));

        await room.Chat.Say(Bob, "drafts");

        Assert.Equal("No drafts waiting.", room.Chat.LastText);
    }

    [Fact]
    public async Task Drafts_ShowsPendingThenChangesRequested_NotDecidedOnes()
    {
        room.Given(d => d.ChangesRequestedBy(Bob, "Shorter"));
        room.Given(d => d.ApprovedBy(Ana));
        room.Given(d => d.RejectedBy(Ana, "No"));
        room.Given();

        await room.Chat.Say(Bob, "drafts");

        Assert.Equal(["draft-4", "draft-1"], room.Chat.Last.OfType<CardReply>().Select(r => r.Card.Key));
    }

    [Fact]
    public async Task FrenchBrand_GetsFrenchCommandsLabelsAndRefusals()
    {
        using var french = new DraftChat(b => b.InFrench());
        await french.Chat.Say(Chloe, "nouveau brouillon");
        Assert.StartsWith("Nouveau brouillon. Pour quel(s) réseau(x) ?", french.Chat.LastText);
        await french.Chat.Say(Chloe, "x et linkedin");
        await french.Chat.Say(Chloe, "La collection d'automne est là");
        await french.Chat.Say(Chloe, "demain 10h");
        Assert.Equal("Le brouillon 1 attend une approbation.", french.Chat.LastText);

        await french.Chat.Say(Ana, "brouillons");
        var card = french.Chat.LastCard;
        Assert.Equal(("Brouillon 1", "En attente d'approbation · soumis à l'instant"), (card.Title, card.State));
        Assert.Equal(["Approuver", "Demander des modifications", "Refuser", "Modifier"], card.Actions.Select(a => a.Label));
        Assert.Equal("dim. 22 nov., 10:00", card.Facts.Single(f => f.Label == "Prévu").Value);

        await french.Chat.Click(Chloe, card, "Approuver");
        Assert.Equal("Seuls les approbateurs de la marque peuvent approuver les brouillons.", french.Chat.LastText);
        await french.Chat.Click(Bob, card, "Approuver");
        Assert.Equal("Approuvé par Bob · à l'instant", french.Chat.LastCard.State);
    }

    public void Dispose() => room.Dispose();
}
