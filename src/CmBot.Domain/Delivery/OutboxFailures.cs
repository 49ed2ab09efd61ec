using CmBot.Domain.Common;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Delivery;

/// <summary>
/// What a failed send does to its message (applied by the dispatcher, saved with its other results): postponed with
/// backoff, honouring the platform's Retry-After, or given up and logged; a conversation the bot was removed from is
/// unlinked, and the brand told where it still can post.
/// </summary>
internal sealed class OutboxFailures(TimeProvider clock, IOptions<DeliveryOptions> options, ILogger logger)
{
    public async Task RecordAsync(CmBotDb db, OutboxMessage message, DeliveryException failure, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        message.Attempts++;
        var error = $"{failure.Failure}: {failure.Message}";
        message.LastError = error.Length > 500 ? error[..500] : error;
        var givingUp = failure.Failure is DeliveryFailure.Rejected or DeliveryFailure.ConversationGone || message.Attempts >= options.Value.MaxAttempts;
        if (givingUp)
        {
            message.Failed = true;
            logger.LogError("Gave up {Kind} {Id} to {Channel} after {Attempts} attempt(s): {Error}",
                message.Kind, message.Id, message.Channel, message.Attempts, message.LastError);
        }
        else
        {
            message.NextAttemptAt = now + Backoff(message.Attempts, failure.RetryAfter);
            logger.LogWarning("Postponed {Kind} {Id} to {Channel} until {Next}: {Error}",
                message.Kind, message.Id, message.Channel, message.NextAttemptAt, message.LastError);
        }
        if (failure.Failure == DeliveryFailure.ConversationGone)
            await ForgetConversationAsync(db, message, cancellationToken);
    }

    /// <summary>Exponential with jitter, never sooner than the platform asked, never longer than the cap unless it asked.</summary>
    private TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var exponential = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempts - 1), options.Value.MaxBackoff.TotalSeconds));
        var jittered = exponential * (0.8 + Random.Shared.NextDouble() * 0.4);
        return retryAfter is { } asked && asked > jittered ? asked : jittered;
    }

    /// <summary>The bot is out of that conversation: stop sending there, and tell the brand where it still can.</summary>
    private async Task ForgetConversationAsync(CmBotDb db, OutboxMessage message, CancellationToken cancellationToken)
    {
        var links = await db.BrandChannels.Where(c => c.Channel == message.Channel && c.ConversationId == message.ConversationId).ToListAsync(cancellationToken);
        db.BrandChannels.RemoveRange(links);
        await db.OutboxMessages
            .Where(m => m.Channel == message.Channel && m.ConversationId == message.ConversationId && m.SentAt == null && !m.Failed && m.Id != message.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Failed, true).SetProperty(m => m.LastError, "conversation gone"), cancellationToken);
        var outbox = new Outbox(db, clock);
        foreach (var link in links)
        {
            var brand = await db.Brands.FirstAsync(b => b.Id == link.BrandId, cancellationToken);
            var others = await db.BrandChannels.Where(c => c.BrandId == link.BrandId && c.Id != link.Id).ToListAsync(cancellationToken);
            var text = brand.Language.Pick(
                $"I can no longer post in one of {brand.Name}'s {link.Channel} conversations (I was removed, or it was deleted), so I unlinked it. Type `brand link {brand.Name}` where I should post instead.",
                $"Je ne peux plus publier dans une conversation {link.Channel} de {brand.Name} (on m'en a retiré, ou elle a été supprimée) : je l'ai déliée. Tapez `marque lier {brand.Name}` là où je dois publier.");
            foreach (var other in others) outbox.Post(other.Channel, other.ConversationId, null, new OutboundContent(text, null));
            logger.LogWarning("Conversation gone for brand {Brand} on {Channel}; unlinked it", brand.Id, link.Channel);
        }
    }
}
