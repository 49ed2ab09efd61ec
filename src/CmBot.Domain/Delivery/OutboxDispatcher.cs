using System.Threading.Channels;
using CmBot.Domain.Cards;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Delivery;

/// <summary>
/// Sends what the outbox holds, oldest first and in order within a conversation, several conversations at a time.
/// Each message is claimed before it is sent, so two instances never send the same one; a failure postpones it
/// (honouring Retry-After) instead of dropping it; an update superseded by a newer one is skipped. Results are
/// recorded as they come in, so a crash can only send again what was in flight or not yet recorded.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<IChannelSender> senders,
    TimeProvider clock,
    IOptions<DeliveryOptions> options,
    ILogger<OutboxDispatcher> logger,
    SensitiveContent sensitive)
{
    private readonly Dictionary<string, IChannelSender> byChannel = senders.ToDictionary(s => s.Channel);
    private readonly OutboxFailures failures = new(clock, options, logger);
    private readonly string instance = Guid.NewGuid().ToString("N")[..12];
    private long passes;

    /// <summary>What became of one message; only the recording side touches the store.</summary>
    private sealed record Outcome(OutboxMessage Message, string? PostedId = null, DeliveryException? Failure = null, bool Waiting = false, bool WasSensitive = false);

    /// <summary>One pass over the due messages; returns how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        var due = new List<OutboxMessage>();
        foreach (var message in await ClaimDueAsync(db, cancellationToken))
        {
            if (await IsSupersededAsync(db, message, cancellationToken))
            {
                message.SentAt = clock.GetUtcNow();
                message.LastError = "superseded by a newer state of the card";
            }
            else due.Add(message);
        }
        var outcomes = Channel.CreateUnbounded<Outcome>(new UnboundedChannelOptions { SingleReader = true });
        var sending = SendAsync(due, outcomes.Writer, cancellationToken);
        var sent = 0;
        do
        {
            var cardPosts = new List<OutboxMessage>();
            while (outcomes.Reader.TryRead(out var outcome))
            {
                if (!await RecordAsync(db, outcome, cancellationToken)) continue;
                sent++;
                if (outcome.Message is { Kind: OutboxKind.Post, CardKey: not null }) cardPosts.Add(outcome.Message);
            }
            await SaveAsync(db, cardPosts, cancellationToken);
        }
        while (await outcomes.Reader.WaitToReadAsync(cancellationToken));
        await sending;
        return sent;
    }

    /// <summary>Conversations side by side (up to <see cref="DeliveryOptions.ParallelConversations"/>), each one's messages in order.</summary>
    private async Task SendAsync(List<OutboxMessage> due, ChannelWriter<Outcome> outcomes, CancellationToken cancellationToken)
    {
        try
        {
            var conversations = due.GroupBy(m => (m.Channel, m.ConversationId)).Select(g => g.ToList());
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.ParallelConversations, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(conversations, parallel, async (messages, ct) =>
            {
                var failed = false;
                foreach (var message in messages)
                {
                    // After a failure the conversation's later messages wait: they must not overtake it.
                    var outcome = failed ? new Outcome(message, Waiting: true) : await TrySendAsync(message, ct);
                    failed |= outcome.Failure is not null;
                    await outcomes.WriteAsync(outcome, ct);
                }
            });
            outcomes.Complete();
        }
        catch (Exception error)
        {
            outcomes.Complete(error);
        }
    }

    private async Task<Outcome> TrySendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (!byChannel.TryGetValue(message.Channel, out var sender))
                throw new DeliveryException(DeliveryFailure.Rejected, $"no sender for channel '{message.Channel}'");
            var content = sensitive.Open(message.Content);
            switch (message.Kind)
            {
                case OutboxKind.Post:
                    var posted = await sender.PostAsync(message.ConversationId, message.ThreadId, content, cancellationToken);
                    return new Outcome(message, PostedId: posted, WasSensitive: content.Sensitive);
                case OutboxKind.Update:
                    await sender.UpdateAsync(message.ConversationId, message.ThreadId, message.MessageId!, content, cancellationToken);
                    break;
                case OutboxKind.Delete:
                    await sender.DeleteAsync(message.ConversationId, message.ThreadId, message.MessageId!, cancellationToken);
                    break;
            }
            return new Outcome(message);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new Outcome(message, Failure: error as DeliveryException ?? new DeliveryException(DeliveryFailure.Transient, error.GetType().Name));
        }
    }

    /// <summary>Applies an outcome to the tracked message (saved by the caller); true when it was sent.</summary>
    private async Task<bool> RecordAsync(CmBotDb db, Outcome outcome, CancellationToken cancellationToken)
    {
        var message = outcome.Message;
        message.LockedUntil = null;
        if (outcome.Waiting) return false;
        if (outcome.Failure is { } failure)
        {
            await failures.RecordAsync(db, message, failure, cancellationToken);
            return false;
        }
        var now = clock.GetUtcNow();
        message.SentAt = now;
        if (message.Kind != OutboxKind.Post || outcome.PostedId is not { } posted) return true;
        message.MessageId = posted;
        if (outcome.WasSensitive) SensitiveContent.Wipe(message);
        if (message.CardKey is { } key)
        {
            // A new state of the card read the post as unsent before this is recorded: its rewrite must fail, not be lost.
            message.Version++;
            db.CardPosts.Add(new CardPost
            {
                CardKey = key, Channel = message.Channel, ConversationId = message.ConversationId,
                ThreadId = message.ThreadId, MessageId = posted, PostedAt = now,
            });
        }
        return true;
    }

    /// <summary>
    /// Saves what was recorded. A new state of a card staged while its post was on the wire rewrote the stored post, too
    /// late for the copy just made, and found no copy to update: that copy gets the new state, staged with the record of
    /// the post. The posts are recorded first and their rows held until the commit, so the state read after is the last
    /// one ever written into them; a later state finds the copy and updates it itself.
    /// </summary>
    private async Task SaveAsync(CmBotDb db, List<OutboxMessage> cardPosts, CancellationToken cancellationToken)
    {
        if (cardPosts.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var ids = cardPosts.Select(p => p.Id).ToList();
        var stored = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Content, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var post in cardPosts.Where(p => stored[p.Id] != p.Content))
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Kind = OutboxKind.Update, Channel = post.Channel, ConversationId = post.ConversationId, ThreadId = post.ThreadId, MessageId = post.MessageId,
                CardKey = post.CardKey, Content = stored[post.Id], CreatedAt = now, NextAttemptAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
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
        List<long> ids;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (!db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7031)", cancellationToken);
            // A candidate waits while an earlier message of its conversation is held or waits for a retry.
            ids = await db.OutboxMessages
                .Where(m => m.SentAt == null && !m.Failed && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
                .Where(m => !db.OutboxMessages.Any(e => e.Channel == m.Channel && e.ConversationId == m.ConversationId && e.Id < m.Id
                    && e.SentAt == null && !e.Failed && (e.LockedUntil >= now || e.NextAttemptAt > now)))
                .OrderBy(m => m.Id).Select(m => m.Id).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0) return [];
            // One statement claims them (the version moves, so a stale copy cannot be saved over it); reading back by this
            // pass's name tells what we got.
            await db.OutboxMessages
                .Where(m => ids.Contains(m.Id) && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, claim).SetProperty(m => m.LockedUntil, until).SetProperty(m => m.Version, m => m.Version + 1), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // By id first: LockedBy has no index, and the table keeps a week of sent messages.
        return await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LockedBy == claim).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    private static Task<bool> IsSupersededAsync(CmBotDb db, OutboxMessage message, CancellationToken cancellationToken) =>
        message.Kind != OutboxKind.Update
            ? Task.FromResult(false)
            : db.OutboxMessages.AnyAsync(m => m.Kind == OutboxKind.Update && m.Id > message.Id && m.SentAt == null && !m.Failed
                && m.Channel == message.Channel && m.ConversationId == message.ConversationId && m.MessageId == message.MessageId, cancellationToken);
}
