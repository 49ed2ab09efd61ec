using System.Globalization;
using CmBot.Domain.Conversations;
using CmBot.Domain.Drafts;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Drafts;

/// <summary>Clicks are not trusted and not alone: races, out-of-date cards and forged ids.</summary>
public sealed class DraftClickSafetyTests : IDisposable
{
    private readonly DraftChat room = new();

    [Fact]
    public async Task TwoApprovers_ApprovingAtTheSameMoment_ExactlyOneWins_TheOtherIsToldWhoDecidedFirst()
    {
        var draft = room.Given();
        var card = await room.ShowDraft(draft.Id);
        // Two clients with their own services and scopes, clicking on their own threads.
        using var anaClient = room.AnotherClient();
        using var bobClient = room.AnotherClient();

        await Task.WhenAll(
            Task.Run(() => anaClient.Click(Ana, card, "Approve")),
            Task.Run(() => bobClient.Click(Bob, card, "Approve")));

        var stored = room.Stored(draft.Id);
        Assert.Equal((DraftState.Approved, 1), (stored.State, stored.Version));
        var (winner, loser) = stored.DecidedByName == "Ana" ? (anaClient, bobClient) : (bobClient, anaClient);
        Assert.IsType<CardUpdate>(Assert.Single(winner.Last));
        Assert.Equal($"{stored.DecidedByName} already approved draft 1 just now.", loser.LastText);
        Assert.Equal($"Approved by {stored.DecidedByName} · just now", loser.LastCard.State);
    }

    [Fact]
    public async Task Approve_ThatLosesTheRaceAtSaving_IsDropped_AndToldWhoDecidedFirst()
    {
        var draft = room.Given();
        var card = await room.ShowDraft(draft.Id);
        var click = new CardClick(DraftVerbs.Approve, card.Actions[0].Data);
        // Bob's request reads the draft (still pending) and the brand...
        using var bobDb = room.Store.NewDb();
        var brand = bobDb.Brands.Include(b => b.Members).Include(b => b.Networks).Single(b => b.Id == room.Brand.Id);
        bobDb.Drafts.Include(d => d.Revisions).Single(d => d.Id == draft.Id);
        // ...then Ana's approval saves first...
        await room.Chat.Click(Ana, card, "Approve");
        room.Clock.Advance(TimeSpan.FromMinutes(1));

        // ...and Bob's approval, decided on what he read, reaches the store second.
        var bob = new ConversationContext(new ChatInput(room.Chat.Where, Bob, Click: click), brand, bobDb, room.Clock);
        var replies = await new DraftDecisionHandler().HandleAsync(bob, click, CancellationToken.None);

        Assert.Equal("Ana already approved draft 1 1 minute ago.", Assert.IsType<TextReply>(replies[0]).Text);
        Assert.Equal("Approved by Ana · 1 minute ago", Assert.IsType<CardUpdate>(replies[1]).Card.State);
        var stored = room.Stored(draft.Id);
        Assert.Equal(("Ana", 1), (stored.DecidedByName, stored.Version));
        Assert.DoesNotContain(bobDb.ChangeTracker.Entries(), e => e.State != EntityState.Unchanged);
    }

    [Fact]
    public async Task Approve_AfterSomeoneElseDecided_SaysWhoAndShowsTheCardAsItIs()
    {
        var draft = room.Given();
        var card = await room.ShowDraft(draft.Id);
        await room.Chat.Click(Bob, card, "Request changes", new Dictionary<string, string> { [DraftFields.Comment] = "Shorter" });
        room.Clock.Advance(TimeSpan.FromMinutes(3));

        await room.Chat.Click(Ana, card, "Approve");

        Assert.Equal("Bob already requested changes on draft 1 3 minutes ago.", room.Chat.LastText);
        Assert.Equal(DraftState.ChangesRequested, room.Stored(draft.Id).State);
    }

    [Fact]
    public async Task Click_OnAnOlderRevision_IsRefused_WithTheNewVersion()
    {
        var draft = room.Given();
        var oldCard = await room.ShowDraft(draft.Id);
        await room.Chat.Click(Chloe, oldCard, "Edit", new Dictionary<string, string> { [DraftFields.Text] = "Shorter text" });

        await room.Chat.Click(Ana, oldCard, "Approve");

        Assert.StartsWith("This draft was edited since (by Chloé", room.Chat.LastText);
        Assert.EndsWith("here is the new version.", room.Chat.LastText);
        Assert.Equal("Shorter text", room.Chat.LastCard.Text);
        Assert.Equal("2", room.Chat.LastCard.Actions[0].Data[DraftFields.Revision]);
        Assert.Equal(DraftState.Pending, room.Stored(draft.Id).State);
    }

    [Fact]
    public async Task Click_NamingADraftOfAnotherBrand_IsRefusedAsNotFound()
    {
        room.Given();
        // Globex lets anyone approve, so only the brand check can refuse.
        var globex = room.Chat.WithDb(new BrandBuilder("Globex").AnyoneMayApprove().LinkedTo("test", "room-9").SaveIn);
        var theirs = room.Chat.WithDb(new DraftBuilder(globex).SaveIn);
        var forged = new Dictionary<string, string>
        {
            [DraftFields.DraftId] = theirs.Id.ToString(CultureInfo.InvariantCulture),
            [DraftFields.Revision] = "1",
        };

        await room.Chat.Send(new ChatInput(room.Chat.Where, Ana, Click: new CardClick(DraftVerbs.Approve, forged)));

        Assert.Equal($"Draft {theirs.Id} not found.", room.Chat.LastText);
        Assert.Equal(DraftState.Pending, room.Stored(theirs.Id).State);
    }

    [Fact]
    public async Task Click_WithoutRevision_IsTreatedAsOutOfDate()
    {
        var draft = room.Given();
        var data = new Dictionary<string, string> { [DraftFields.DraftId] = draft.Id.ToString(CultureInfo.InvariantCulture) };

        await room.Chat.Send(new ChatInput(room.Chat.Where, Ana, Click: new CardClick(DraftVerbs.Approve, data)));

        Assert.Equal("This draft was edited since; here is the new version.", room.Chat.LastText);
        Assert.Equal(DraftState.Pending, room.Stored(draft.Id).State);
    }

    public void Dispose() => room.Dispose();
}
