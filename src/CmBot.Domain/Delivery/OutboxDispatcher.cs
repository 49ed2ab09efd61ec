using CmBot.Domain.Cards;
using CmBot.Domain.Common;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Delivery;

/// <summary>
/// Sends what the outbox holds, oldest first and in order within a conversation. Each message is
/// claimed before it is sent, so two instances never send the same one; a failure postpones it
/// (honouring Retry-After) instead of dropping it; an update superseded by a newer one is skipped.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<IChannelSender> senders,
    TimeProvider clock,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    private readonly Dictionary<string, IChannelSender> byChannel = senders.ToDictionary(s => s.Channel);
    private readonly string instance = Guid.NewGuid().ToString("N")[..12];
    private long passes;

    /// <summary>One pass over the due messages; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        var blocked = new HashSet<(string, string)>();
        var sent = 0;
        foreach (var message in await ClaimDueAsync(db, cancellationToken))
        {
            var conversation = (message.Channel, message.ConversationId);
            if (blocked.Contains(conversation))
            {
                message.LockedUntil = null; // An earlier message of this conversation must go first.
            }
            else if (await IsSupersededAsync(db, message, cancellationToken))
            {
                message.SentAt = clock.GetUtcNow();
                message.LastError = "superseded by a newer state of the card";
            }
            else if (await TrySendAsync(db, message, cancellationToken))
            {
                sent++;
            }
            else
            {
                blocked.Add(conversation);
            }
            if (message is { Kind: OutboxKind.Post, CardKey: not null, SentAt: not null }) await RecordCardPostAsync(db, message, cancellationToken);
            else await db.SaveChangesAsync(cancellationToken);
        }
        return sent;
    }

    /// <summary>
    /// A new state of the card staged while this post was on its way rewrote the stored post, too late for the copy just
    /// made, and found no copy of it to update: that copy gets the new state, staged with the record of the post. The post
    /// is recorded first and its row held until the commit, so the state read after it is the last one that will ever be
    /// written into it; a later state finds the copy and updates it (after this, by id).
    /// </summary>
    private async Task RecordCardPostAsync(CmBotDb db, OutboxMessage post, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var stored = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == post.Id).Select(m => m.Content).FirstAsync(cancellationToken);
        if (stored != post.Content)
        {
            var now = clock.GetUtcNow();
            db.OutboxMessages.Add(new OutboxMessage
            {
                Kind = OutboxKind.Update, Channel = post.Channel, ConversationId = post.ConversationId, ThreadId = post.ThreadId, MessageId = post.MessageId,
                CardKey = post.CardKey, Content = stored, CreatedAt = now, NextAttemptAt = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<List<OutboxMessage>> ClaimDueAsync(CmBotDb db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claim = $"{instance}:{Interlocked.Increment(ref passes)}";
        var until = now + options.Value.Lease;
        // Instances claim one at a time (SQLite's transaction takes the write lock; PostgreSQL takes this lock), so each
        // sees what the others hold: a message waits while an earlier one of its conversation is held elsewhere or waits
        // for a retry, and a conversation's messages go out one after the other, in order, whichever instance sends them.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7031)", cancellationToken);
            // The first message of each conversation that is held or waits for a retry (a join, so the store groups once).
            var waiting = db.OutboxMessages
                .Where(e => e.SentAt == null && !e.Failed && (e.LockedUntil >= now || e.NextAttemptAt > now))
                .GroupBy(e => new { e.Channel, e.ConversationId })
                .Select(g => new { g.Key.Channel, g.Key.ConversationId, First = g.Min(e => e.Id) });
            var ids = await db.OutboxMessages
                .Where(m => m.SentAt == null && !m.Failed && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
                .LeftJoin(waiting, m => new { m.Channel, m.ConversationId }, w => new { w.Channel, w.ConversationId },
                    (m, w) => new { m.Id, First = w == null ? (long?)null : w.First })
                .Where(m => m.First == null || m.First > m.Id)
                .OrderBy(m => m.Id).Select(m => m.Id).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0) return [];
            // One statement claims them (the version moves, so a stale copy cannot be saved over it); reading back by this
            // pass's name tells what we got.
            await db.OutboxMessages
                .Where(m => ids.Contains(m.Id) && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, claim).SetProperty(m => m.LockedUntil, until).SetProperty(m => m.Version, m => m.Version + 1), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return await db.OutboxMessages.Where(m => m.LockedBy == claim).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    private static Task<bool> IsSupersededAsync(CmBotDb db, OutboxMessage message, CancellationToken cancellationToken) =>
        message.Kind != OutboxKind.Update
            ? Task.FromResult(false)
            : db.OutboxMessages.AnyAsync(m => m.Kind == OutboxKind.Update && m.Id > message.Id && m.SentAt == null && !m.Failed
                && m.Channel == message.Channel && m.ConversationId == message.ConversationId && m.MessageId == message.MessageId, cancellationToken);

    private async Task<bool> TrySendAsync(CmBotDb db, OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (!byChannel.TryGetValue(message.Channel, out var sender))
                throw new DeliveryException(DeliveryFailure.Rejected, $"no sender for channel '{message.Channel}'");
            await SendAsync(db, sender, message, cancellationToken);
            message.SentAt = clock.GetUtcNow();
            message.LockedUntil = null;
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = error as DeliveryException ?? new DeliveryException(DeliveryFailure.Transient, error.GetType().Name);
            await FailAsync(db, message, failure, cancellationToken);
            return false;
        }
    }

    private async Task SendAsync(CmBotDb db, IChannelSender sender, OutboxMessage message, CancellationToken cancellationToken)
    {
        switch (message.Kind)
        {
            case OutboxKind.Post:
                var content = OutboundContent.FromJson(message.Content);
                message.MessageId = await sender.PostAsync(message.ConversationId, message.ThreadId, content, cancellationToken);
                if (content.Sensitive) message.Content = OutboundContent.Wiped.ToJson();
                if (message.CardKey is { } key)
                {
                    // A new state of the card read the post as unsent before this is recorded: its rewrite must fail, not be lost.
                    message.Version++;
                    db.CardPosts.Add(new CardPost
                    {
                        CardKey = key, Channel = message.Channel, ConversationId = message.ConversationId,
                        ThreadId = message.ThreadId, MessageId = message.MessageId, PostedAt = clock.GetUtcNow(),
                    });
                }
                break;
            case OutboxKind.Update:
                await sender.UpdateAsync(message.ConversationId, message.ThreadId, message.MessageId!, OutboundContent.FromJson(message.Content), cancellationToken);
                break;
            case OutboxKind.Delete:
                await sender.DeleteAsync(message.ConversationId, message.ThreadId, message.MessageId!, cancellationToken);
                break;
        }
    }

    private async Task FailAsync(CmBotDb db, OutboxMessage message, DeliveryException failure, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        message.Attempts++;
        message.LockedUntil = null;
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
