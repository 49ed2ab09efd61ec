using CmBot.Domain.Delivery;
using CmBot.Domain.Drafts;
using CmBot.Domain.Integrations;
using CmBot.Domain.Tests.Drafts;
using Microsoft.EntityFrameworkCore;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Integrations;

/// <summary>Approval and publication, clicked on the card, stage one outbox row per webhook of the brand.</summary>
public sealed class DraftWebhookListenerTests : IDisposable
{
    private readonly DraftChat room = new();

    private int Subscribe() => room.Chat.WithDb(db =>
    {
        var subscription = new WebhookSubscription
        {
            BrandId = room.Brand.Id, Url = "https://hooks.example.test/x", EncryptedSecret = "encrypted", CreatedById = Ana.Id, CreatedAt = room.Clock.GetUtcNow(),
        };
        db.WebhookSubscriptions.Add(subscription);
        db.SaveChanges();
        return subscription.Id;
    });

    private List<OutboxMessage> WebhookRows() =>
        room.Chat.WithDb(db => db.OutboxMessages.AsNoTracking().Where(m => m.Channel == WebhookSubscription.Channel).OrderBy(m => m.Id).ToList());

    private static DraftWebhookEvent Event(OutboxMessage row) => DraftWebhookEvent.FromJson(OutboundContent.FromJson(row.Content).Text!)!;

    [Fact]
    public async Task Approval_StagesTheEventForTheSubscription_ThenPublicationAnother()
    {
        var subscription = Subscribe();
        var draft = room.Given();
        var card = await room.ShowDraft(draft.Id);

        await room.Chat.Click(Ana, card, "Approve");
        await room.Chat.Click(Bob, room.Chat.Cards[DraftCard.Key(draft.Id)], "Mark published");

        var rows = WebhookRows();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((subscription.ToString(), WebhookSubscription.DeliveryKey(draft.Id)), (r.ConversationId, r.CardKey)));
        // The card refreshed on publication must not rewrite the approval event still waiting to be sent.
        var (approved, published) = (Event(rows[0]), Event(rows[1]));
        Assert.Equal((DraftWebhookEvent.Approved, draft.Id, "Ana"), (approved.Event, approved.DraftId, approved.ApprovedBy));
        Assert.Equal((DraftWebhookEvent.Published, room.Clock.GetUtcNow()), (published.Event, published.PublishedAt));
    }

    [Fact]
    public async Task RefusedOrOtherDecisions_StageNothing()
    {
        Subscribe();
        var draft = room.Given(d => d.By(Bob));
        var card = await room.ShowDraft(draft.Id);

        await room.Chat.Click(Bob, card, "Approve"); // Bob wrote it: refused.
        await room.Chat.Click(Ana, card, "Request changes", new Dictionary<string, string> { [DraftFields.Comment] = "Shorter, please" });

        Assert.Equal(DraftState.ChangesRequested, room.Stored(draft.Id).State);
        Assert.Empty(WebhookRows());
    }

    [Fact]
    public async Task WithoutSubscription_ApprovalStagesNothing()
    {
        var draft = room.Given();

        await room.Chat.Click(Ana, await room.ShowDraft(draft.Id), "Approve");

        Assert.Equal(DraftState.Approved, room.Stored(draft.Id).State);
        Assert.Empty(WebhookRows());
    }

    public void Dispose() => room.Dispose();
}
