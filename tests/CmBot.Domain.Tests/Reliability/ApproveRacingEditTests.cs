using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Drafts;
using CmBot.Domain.Store;
using CmBot.Domain.Tests.Drafts;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Reliability;

/// <summary>
/// Issue 7: an approval racing an edit has one defined outcome, whatever the order: the edit wins, the draft waits
/// for approval of its new text, and the card shows that. It never ends "approved" with the old text.
/// </summary>
public sealed class ApproveRacingEditTests(ITestOutputHelper output)
{
    private const string EditedText = "Autumn collection: 20% off this weekend!";
    private static readonly Dictionary<string, string> Edit = new() { [DraftFields.Text] = EditedText };

    [Fact]
    public async Task EditCommittedFirst_ApprovalOfTheOldRevision_IsRefused_CardShowsTheEditedPendingDraft()
    {
        using var room = new DraftChat();
        var draft = room.Given();
        var card = await room.ShowDraft(draft.Id);
        await room.Chat.Click(Chloe, card, "Edit", Edit);

        await room.Chat.Click(Ana, card, "Approve");

        Assert.StartsWith("This draft was edited since (by Chloé", room.Chat.LastText);
        AssertEditWon(room, draft.Id, room.Chat.LastCard);
    }

    [Fact]
    public async Task BothReadTheDraft_ApprovalSavesSecond_IsRefusedBecauseTheRevisionChanged()
    {
        using var room = new DraftChat();
        var draft = room.Given();
        var card = await room.ShowDraft(draft.Id);
        // Ana's request reads the brand and the draft at revision 1...
        using var anaDb = room.Store.NewDb();
        var brand = Read(anaDb, room.Brand.Id, draft.Id);
        // ...Chloé's edit saves first...
        await room.Chat.Click(Chloe, card, "Edit", Edit);

        // ...and Ana's approval, decided on revision 1, reaches the store second.
        var approve = ClickOf(card, "Approve");
        var replies = await new DraftDecisionHandler().HandleAsync(Context(room, Ana, approve, brand, anaDb), approve, CancellationToken.None);

        Assert.StartsWith("This draft was edited since (by Chloé", Assert.IsType<TextReply>(replies[0]).Text);
        AssertEditWon(room, draft.Id, Assert.IsType<CardUpdate>(replies[1]).Card);
    }

    [Fact]
    public async Task BothReadTheDraft_EditSavesSecond_StillWins_TheDraftWaitsForApprovalOfTheNewText()
    {
        using var room = new DraftChat();
        var draft = room.Given();
        var card = await room.ShowDraft(draft.Id);
        // Chloé's request reads the brand and the draft at revision 1...
        using var chloeDb = room.Store.NewDb();
        var brand = Read(chloeDb, room.Brand.Id, draft.Id);
        // ...Ana's approval saves first...
        await room.Chat.Click(Ana, card, "Approve");

        // ...and Chloé's edit, made on revision 1 (still current: an approval adds no revision), reaches the store second.
        var edit = ClickOf(card, "Edit", Edit);
        var replies = await new DraftEditHandler().HandleAsync(Context(room, Chloe, edit, brand, chloeDb), edit, CancellationToken.None);

        AssertEditWon(room, draft.Id, Assert.IsType<CardUpdate>(replies[0]).Card);
        Assert.Equal($"Draft {draft.Id} is waiting for approval again (revision 2).", Assert.IsType<TextReply>(replies[1]).Text);
    }

    [Fact]
    public async Task ApproveAndEdit_Concurrently_TwentyRounds_TheEditWinsEveryTime()
    {
        var approvalRefused = 0;
        for (var round = 0; round < 20; round++)
        {
            using var room = new DraftChat();
            var draft = room.Given();
            var card = await room.ShowDraft(draft.Id);
            using var ana = room.AnotherClient();
            using var chloe = room.AnotherClient();
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var approving = Task.Run(async () => { await gate.Task; return await ana.Click(Ana, card, "Approve"); });
            var editing = Task.Run(async () => { await gate.Task; return await chloe.Click(Chloe, card, "Edit", Edit); });
            gate.SetResult();
            await Task.WhenAll(approving, editing).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal($"Draft {draft.Id} is waiting for approval again (revision 2).", chloe.LastText);
            AssertEditWon(room, draft.Id, chloe.LastCard);
            // The approval either was refused (the edit came first) or came first and was sent back to pending by the
            // edit, which is the same as the two in sequence; either way the final state above is the edit's.
            if (ana.Last.OfType<TextReply>().Any(t => t.Text.StartsWith("This draft was edited since", StringComparison.Ordinal)))
                approvalRefused++;
        }
        // Which came first is the scheduler's choice; the outcome above is the same either way.
        output.WriteLine($"approval refused as stale in {approvalRefused}/20 rounds; approved then sent back to pending in {20 - approvalRefused}");
    }

    /// <summary>The one defined outcome: the new text, waiting for approval, no decision kept from the old one.</summary>
    private static void AssertEditWon(DraftChat room, int draftId, Card shown)
    {
        var stored = room.Stored(draftId);
        Assert.Equal((DraftState.Pending, 2, EditedText, (string?)null), (stored.State, stored.Revision, stored.Text, stored.DecidedById));
        Assert.Equal((EditedText, "Waiting for approval · submitted just now"), (shown.Text, shown.State));
        Assert.Equal("2", shown.Actions[0].Data[DraftFields.Revision]);
    }

    private static Brand Read(CmBotDb db, int brandId, int draftId)
    {
        var brand = db.Brands.Include(b => b.Members).Include(b => b.Networks).Single(b => b.Id == brandId);
        db.Drafts.Include(d => d.Revisions).Single(d => d.Id == draftId);
        return brand;
    }

    private static ConversationContext Context(DraftChat room, ChatUser who, CardClick click, Brand brand, CmBotDb db) =>
        new(new ChatInput(room.Chat.Where, who, Click: click), brand, db, room.Clock);

    /// <summary>The click the button sends, its form filled as TestChannel does.</summary>
    private static CardClick ClickOf(Card card, string label, IDictionary<string, string>? inputs = null)
    {
        var action = card.AllActions.Single(a => a.Label == label);
        var data = new Dictionary<string, string>(action.Data);
        foreach (var input in action.Inputs.Where(i => i.Value is not null)) data[input.Id] = input.Value!;
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>()) data[key] = value;
        return new CardClick(action.Verb, data);
    }
}
