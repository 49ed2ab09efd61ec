using CmBot.Domain.Conversations;
using CmBot.Domain.Drafts;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Drafts;

/// <summary>Approval as people live it in the channel: clicks on the draft card, answered by the bot.</summary>
public sealed class DraftApprovalConversationTests : IDisposable
{
    private readonly DraftChat room = new();

    [Fact]
    public async Task Approve_ByApprover_UpdatesTheCardInPlace()
    {
        var draft = room.Given();
        room.Clock.Advance(TimeSpan.FromMinutes(5));
        var card = await room.ShowDraft(draft.Id);
        Assert.Equal("Waiting for approval · submitted 5 minutes ago", card.State);

        await room.Chat.Click(Ana, card, "Approve");

        var update = Assert.IsType<CardUpdate>(Assert.Single(room.Chat.Last));
        Assert.Equal(("draft-1", "Approved by Ana · just now"), (update.Card.Key, update.Card.State));
        Assert.Equal(DraftState.Approved, room.Stored(draft.Id).State);
    }

    [Fact]
    public async Task Approve_ByNonApprover_IsRefused()
    {
        var draft = room.Given(d => d.By(Bob));
        var card = await room.ShowDraft(draft.Id);

        await room.Chat.Click(Chloe, card, "Approve");

        Assert.Equal("Only the brand's approvers can approve drafts.", room.Chat.LastText);
        Assert.Equal(DraftState.Pending, room.Stored(draft.Id).State);
    }

    [Fact]
    public async Task Approve_OwnDraft_IsRefused()
    {
        var draft = room.Given(d => d.By(Ana));
        var card = await room.ShowDraft(draft.Id);

        await room.Chat.Click(Ana, card, "Approve");

        Assert.Equal("You wrote this draft: another approver must approve it.", room.Chat.LastText);
        Assert.Equal(DraftState.Pending, room.Stored(draft.Id).State);
    }

    [Fact]
    public async Task Approve_OwnDraft_IsAllowedWhenTheBrandAllowsIt()
    {
        using var lenient = new DraftChat(b => b.AuthorsMayApproveOwn());
        var draft = lenient.Given(d => d.By(Ana));
        var card = await lenient.ShowDraft(draft.Id);

        await lenient.Chat.Click(Ana, card, "Approve");

        Assert.Equal(("u-ana", DraftState.Approved), (lenient.Stored(draft.Id).DecidedById, lenient.Stored(draft.Id).State));
    }

    [Fact]
    public async Task RequestChanges_WithoutComment_IsRefused()
    {
        var draft = room.Given();
        var card = await room.ShowDraft(draft.Id);

        await room.Chat.Click(Bob, card, "Request changes", new Dictionary<string, string> { [DraftFields.Comment] = "  " });

        Assert.Equal("Say what should change: a comment is required.", room.Chat.LastText);
        Assert.Equal(DraftState.Pending, room.Stored(draft.Id).State);
    }

    [Fact]
    public async Task RequestChanges_WithComment_ShowsItOnTheCard()
    {
        var draft = room.Given();
        var card = await room.ShowDraft(draft.Id);

        await room.Chat.Click(Bob, card, "Request changes", new Dictionary<string, string> { [DraftFields.Comment] = "Add the price" });

        Assert.Equal("Changes requested by Bob: Add the price", room.Chat.LastCard.State);
        Assert.Equal(["Edit"], room.Chat.LastCard.Actions.Select(a => a.Label));
    }

    [Fact]
    public async Task Reject_WithoutReason_IsRefused()
    {
        var draft = room.Given();
        var card = await room.ShowDraft(draft.Id);

        await room.Chat.Click(Bob, card, "Reject");

        Assert.Contains("a reason is required", room.Chat.LastText);
        Assert.Equal(DraftState.Pending, room.Stored(draft.Id).State);
    }

    [Fact]
    public async Task Edit_SendsAnApprovedDraftBackToPending_WithARevisionRecorded()
    {
        var draft = room.Given();
        await room.Chat.Click(Ana, await room.ShowDraft(draft.Id), "Approve");
        room.Clock.Advance(TimeSpan.FromMinutes(7));

        await room.Chat.Click(Chloe, room.Chat.Cards["draft-1"], "Edit", new Dictionary<string, string>
        {
            [DraftFields.Text] = "Autumn collection: 20% off this weekend!",
            [DraftFields.Networks] = "X,Instagram",
            [DraftFields.Date] = "2026-11-23",
            [DraftFields.Time] = "09:30",
        });

        var stored = room.Stored(draft.Id);
        var revision = Assert.Single(stored.Revisions);
        Assert.Equal((DraftState.Pending, 2, (string?)null), (stored.State, stored.Revision, stored.DecidedById));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero), stored.PlannedAt);
        Assert.Equal(("Chloé", "Autumn collection: 20% off this weekend!"), (revision.EditedByName, revision.TextAfter));
        Assert.StartsWith("Our autumn collection", revision.TextBefore);
        Assert.Equal("Waiting for approval · submitted just now", room.Chat.Cards["draft-1"].State);
        Assert.Equal("Draft 1 is waiting for approval again (revision 2).", room.Chat.LastText);
    }

    [Fact]
    public async Task Edit_OverTheXLimit_IsRefusedNamingX()
    {
        var draft = room.Given();
        var card = await room.ShowDraft(draft.Id);

        await room.Chat.Click(Chloe, card, "Edit", new Dictionary<string, string> { [DraftFields.Text] = new string('a', 281) });

        Assert.Equal("Too long for X: 281 characters, the limit is 280.", room.Chat.LastText);
        Assert.Equal(1, room.Stored(draft.Id).Revision);
    }

    [Fact]
    public async Task MarkPublished_AfterApproval_ShowsItPublished()
    {
        var draft = room.Given();
        await room.Chat.Click(Ana, await room.ShowDraft(draft.Id), "Approve");

        await room.Chat.Click(Chloe, room.Chat.Cards["draft-1"], "Mark published");

        Assert.Equal(DraftState.Published, room.Stored(draft.Id).State);
        Assert.StartsWith("Published", room.Chat.LastCard.State);
    }

    public void Dispose() => room.Dispose();
}
