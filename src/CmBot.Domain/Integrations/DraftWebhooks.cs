using CmBot.Domain.Brands;
using CmBot.Domain.Delivery;
using CmBot.Domain.Drafts;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Integrations;

/// <summary>
/// Stages a draft event for every active webhook of the brand, as outbox rows in the caller's unit of work: the
/// dispatcher sends them after the commit, retrying with backoff; a rolled-back decision sends nothing.
/// </summary>
public static class DraftWebhooks
{
    public static async Task EnqueueAsync(CmBotDb db, TimeProvider clock, Brand brand, Draft draft, string @event, CancellationToken cancellationToken)
    {
        var subscriptions = await db.WebhookSubscriptions
            .Where(s => s.BrandId == brand.Id && s.DisabledAt == null)
            .Select(s => s.Id).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0) return;
        var body = DraftWebhookEvent.For(@event, draft, brand, clock.GetUtcNow()).ToJson();
        var outbox = new Outbox(db, clock);
        foreach (var id in subscriptions)
        {
            var message = outbox.Post(WebhookSubscription.Channel, id.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
                new OutboundContent(body, null));
            message.CardKey = WebhookSubscription.DeliveryKey(draft.Id);
        }
    }
}
