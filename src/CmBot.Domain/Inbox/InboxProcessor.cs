using System.Diagnostics;
using CmBot.Domain.Conversations;
using CmBot.Domain.Delivery;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Inbox;

/// <summary>
/// Handles accepted inputs in the order they came, through the <see cref="ConversationService"/>. Inputs come from two
/// places: those this instance accepted, held in memory and already leased to it (<see cref="HeldInputs"/>, one pass a
/// lane), and those the store holds for anyone (left unleased, due for a retry, or whose holder died), which are
/// claimed first so that several instances never take the same one. A batch is handled in one transaction, each input
/// within a savepoint, and marked handled in that same commit: one commit for many inputs is what keeps up with a busy
/// endpoint on SQLite's single writer, and an input's effects and its "handled" mark cannot part, so a crash at any
/// point leaves each input either wholly handled or still to handle. Read-only answers (help, numbers) are found for
/// the whole batch before that transaction and, where they may, sent straight away (see <see cref="DirectReplies"/>):
/// they have no change to commit with, so only their handled mark is written, with the inbox's next commit.
/// <para>
/// A conversation's inputs are handled in the order they came. Held inputs wait (given back to the store) while an
/// older one of their conversation is still to handle elsewhere, and the claim skips an input while an older one of
/// its conversation is held by someone or waits for its retry; the claim then takes them together, oldest first.
/// </para>
/// </summary>
public sealed class InboxProcessor(
    IServiceScopeFactory scopes, ConversationInbox inbox, HeldInputs held, DirectReplies directReplies, TimeProvider clock,
    IOptions<DeliveryOptions> options, OutboxSignal outboxSignal, ILogger<InboxProcessor> logger)
{
    private const string BeforeEntry = "before_entry";
    private static readonly TimeSpan MaxHold = TimeSpan.FromMilliseconds(5);
    /// <summary>A conversation's answers sent early in one pass, one after the other (more would hold the pass at its pace).</summary>
    private const int MaxEarlyAnswers = 3;
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);
    private DateTimeOffset lastPurge = DateTimeOffset.MinValue;

    private sealed record Taken(InboxEntry Entry, ChatInput? Input);

    /// <summary>One pass over one lane of the inputs this instance holds; returns how many it took.</summary>
    public Task<int> ProcessLaneAsync(int lane, CancellationToken cancellationToken) =>
        PassAsync(held.Take(lane, options.Value.BatchSize).Select(h => new Taken(h.Entry, h.Input)).ToList(), isHeld: true, cancellationToken);

    /// <summary>One pass over what the store holds for any instance; returns how many entries it took.</summary>
    public async Task<int> ProcessStoredAsync(CancellationToken cancellationToken)
    {
        List<InboxEntry> entries;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
            entries = await ClaimAsync(db, cancellationToken);
            if (entries.Count == 0) await PurgeAsync(db, cancellationToken);
        }
        return await PassAsync(entries.Select(e => new Taken(e, TryRead(e))).ToList(), isHeld: false, cancellationToken);
    }

    /// <summary>One pass over what is due, the inputs held in memory first: for a single loop over everything.</summary>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var mine = held.TakeAll(options.Value.BatchSize);
        return mine.Count > 0 ? await PassAsync(mine.Select(h => new Taken(h.Entry, h.Input)).ToList(), isHeld: true, cancellationToken) : await ProcessStoredAsync(cancellationToken);
    }

    /// <summary>On a clean stop, gives back the leases this instance holds, so that whoever starts next answers those inputs at once.</summary>
    public async Task ReleaseHeldAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        await db.InboxEntries.Where(e => e.LockedBy == held.Owner && e.ProcessedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.LockedBy, (string?)null).SetProperty(e => e.LockedUntil, (DateTimeOffset?)null), cancellationToken);
    }

    /// <param name="isHeld">Inputs this instance held in memory, not claimed: they may have older ones of their
    /// conversation still to handle in the store.</param>
    private async Task<int> PassAsync(List<Taken> entries, bool isHeld, CancellationToken cancellationToken)
    {
        if (entries.Count == 0) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        var conversations = scope.ServiceProvider.GetRequiredService<ConversationService>();
        var behind = isHeld ? await BehindOlderAsync(db, entries, cancellationToken) : [];
        var released = entries.Where(e => e.Input is null).Select(e => (e.Entry, (string?)UnreadableInput))
            .Concat(behind.Select(e => (e.Entry, (string?)null))).ToList();
        var readable = entries.Where(e => e.Input is not null && !behind.Contains(e)).Select(e => (e.Entry, Input: e.Input!)).ToList();
        // Downloads and read-only answers come before the transaction, which holds SQLite's only writer.
        var answers = await TryAnswerReadOnlyAsync(scope.ServiceProvider.GetRequiredService<ReadOnlyAnswers>(), readable.Select(r => r.Input).ToList(), cancellationToken);
        var sentDirectly = await directReplies.SendAsync(db, readable.Select((r, i) => answers[i] is null ? null : new DirectReplies.Answer(r.Input.Where, r.Input.ThreadId, answers[i]!)).ToList(), cancellationToken);
        var work = new List<(InboxEntry Entry, ChatInput Input, IReadOnlyList<AttachedFile> Files, IReadOnlyList<BotReply>? Answer)>();
        for (var i = 0; i < readable.Count; i++)
        {
            var (entry, input) = readable[i];
            if (!sentDirectly[i]) work.Add((entry, input, answers[i] is null ? await conversations.FetchAttachmentsAsync(input, cancellationToken) : [], answers[i]));
        }

        var blocked = new HashSet<ChatAddress>();
        for (var next = 0; next < work.Count;)
        {
            var handled = new List<long>();
            var opened = Stopwatch.GetTimestamp();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The commit comes once the transaction has held the store's only writer long enough: a request waiting
            // to commit its input (see SqliteWriteGate) goes next, then the rest of the batch.
            for (; next < work.Count && Stopwatch.GetElapsedTime(opened) < MaxHold; next++)
            {
                var (entry, input, files, answer) = work[next];
                if (blocked.Contains(input.Where))
                {
                    released.Add((entry, null)); // An earlier input of that conversation failed; this one waits, so they stay in order.
                    continue;
                }
                await transaction.CreateSavepointAsync(BeforeEntry, cancellationToken);
                try
                {
                    // No separate delivery record: the entry is one, and its handled mark commits with the effects.
                    if (answer is not null) await conversations.StageAnswerAsync(input, answer, cancellationToken);
                    else await conversations.HandleWithinAsync(input with { DeliveryId = null }, files, cancellationToken);
                    await transaction.ReleaseSavepointAsync(BeforeEntry, cancellationToken);
                    handled.Add(entry.Id);
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    await transaction.RollbackToSavepointAsync(BeforeEntry, cancellationToken);
                    blocked.Add(input.Where);
                    released.Add((entry, error.GetType().Name + ": " + error.Message));
                }
                db.ChangeTracker.Clear();
            }
            var now = clock.GetUtcNow();
            await db.InboxEntries.Where(e => handled.Contains(e.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.ProcessedAt, now).SetProperty(e => e.LockedBy, (string?)null).SetProperty(e => e.LockedUntil, (DateTimeOffset?)null), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (handled.Count > 0) outboxSignal.Notify();
        }
        // Answers sent straight away left the outbox nothing to do; their marks go with the inbox's next commit.
        await inbox.MarkHandledAsync(readable.Where((_, i) => sentDirectly[i]).Select(r => r.Entry.Id).ToList(), cancellationToken);
        foreach (var (entry, error) in released) await ReleaseAsync(db, entry, error, cancellationToken);
        if (behind.Count > 0) inbox.LeftInStore();
        return entries.Count;
    }

    /// <summary>
    /// The held inputs that came after an input of their conversation still to handle outside this pass (left in the
    /// store past the memory bound, waiting for a retry, or leased to an instance that died): they are given back to
    /// the store, whose claim takes them after it.
    /// </summary>
    private static async Task<HashSet<Taken>> BehindOlderAsync(CmBotDb db, List<Taken> entries, CancellationToken cancellationToken)
    {
        var conversations = entries.Select(e => e.Entry.Conversation).OfType<string>().Distinct().ToList();
        if (conversations.Count == 0) return [];
        var oldest = (await db.ReadAsync(OlderPendingStatement(conversations.Count, entries.Count), OlderPendingValues(conversations, entries),
            reader => (Conversation: reader.GetString(0), Id: reader.GetInt64(1)), conversations.Count, cancellationToken)).ToDictionary(r => r.Conversation, r => r.Id);
        return entries.Where(e => e.Entry.Conversation is { } conversation && oldest.TryGetValue(conversation, out var older) && older < e.Entry.Id).ToHashSet();
    }

    private static string OlderPendingStatement(int conversations, int taken) => $"""
        SELECT "Conversation", MIN("Id") FROM "InboxEntries"
        WHERE "ProcessedAt" IS NULL AND NOT "Failed"
        AND "Conversation" IN ({string.Join(", ", Enumerable.Range(0, conversations).Select(i => $"@c{i}"))})
        AND "Id" NOT IN ({string.Join(", ", Enumerable.Range(0, taken).Select(i => $"@t{i}"))})
        GROUP BY "Conversation"
        """;

    private static IEnumerable<KeyValuePair<string, object>> OlderPendingValues(List<string> conversations, List<Taken> entries) =>
        conversations.Select((c, i) => new KeyValuePair<string, object>($"c{i}", c))
            .Concat(entries.Select((e, i) => new KeyValuePair<string, object>($"t{i}", e.Entry.Id)));

    private const string UnreadableInput = "unreadable input";

    /// <summary>When answering fails as a whole, the transaction answers them all.</summary>
    private async Task<IReadOnlyList<BotReply>?[]> TryAnswerReadOnlyAsync(ReadOnlyAnswers readOnly, List<ChatInput> inputs, CancellationToken cancellationToken)
    {
        try
        {
            return await readOnly.AnswerAsync(inputs, MaxEarlyAnswers, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Read-only answers failed, handling them in the transaction: {Error}", error.Message);
            return new IReadOnlyList<BotReply>?[inputs.Count];
        }
    }

    /// <summary>
    /// One statement takes the oldest due entries no one holds, and returns them; not one whose conversation has an older
    /// entry held by someone or waiting for its retry (it is taken after that one). Two instances never take the same entry:
    /// SQLite has one writer at a time, and on PostgreSQL the inner select skips rows another instance is claiming right
    /// now (without it, the later claim would wait for those rows, find them taken, and come back empty) while the outer
    /// condition is re-checked on any row claimed meanwhile.
    /// </summary>
    private async Task<List<InboxEntry>> ClaimAsync(CmBotDb db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)options.Value.Lease.TotalMilliseconds;
        var entries = await db.InboxEntries.FromSqlRaw(db.Database.IsSqlite() ? SqliteClaim : PostgresClaim, held.Owner, until, now, options.Value.BatchSize)
            .AsNoTracking().ToListAsync(cancellationToken);
        entries.Sort((a, b) => a.Id.CompareTo(b.Id));
        return entries;
    }

    private static readonly string SqliteClaim = ClaimStatement(""), PostgresClaim = ClaimStatement(" FOR UPDATE SKIP LOCKED");

    private static string ClaimStatement(string skipClaimed) => $$"""
        UPDATE "InboxEntries" SET "LockedBy" = {0}, "LockedUntil" = {1}
        WHERE "Id" IN (
            SELECT e."Id" FROM "InboxEntries" AS e
            WHERE e."ProcessedAt" IS NULL AND NOT e."Failed" AND e."NextAttemptAt" <= {2} AND (e."LockedUntil" IS NULL OR e."LockedUntil" < {2})
            AND NOT EXISTS (
                SELECT 1 FROM "InboxEntries" AS older
                WHERE older."Conversation" = e."Conversation" AND older."Id" < e."Id" AND older."ProcessedAt" IS NULL AND NOT older."Failed"
                AND (older."NextAttemptAt" > {2} OR older."LockedUntil" >= {2}))
            ORDER BY e."Id" LIMIT {3}{{skipClaimed}})
        AND "ProcessedAt" IS NULL AND ("LockedUntil" IS NULL OR "LockedUntil" < {2})
        RETURNING *
        """;

    private ChatInput? TryRead(InboxEntry entry)
    {
        try
        {
            return ChatInputJson.Read(entry.Input);
        }
        catch (System.Text.Json.JsonException error)
        {
            logger.LogError("Inbox entry {Id} cannot be read: {Error}", entry.Id, error.Message);
            return null;
        }
    }

    /// <summary>Gives the entry back with a later attempt time, or gives up on it after the last attempt.</summary>
    private async Task ReleaseAsync(CmBotDb db, InboxEntry entry, string? error, CancellationToken cancellationToken)
    {
        var attempts = entry.Attempts + (error is null ? 0 : 1);
        var failed = error == UnreadableInput || attempts >= options.Value.MaxAttempts;
        var next = clock.GetUtcNow() + TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempts), options.Value.MaxBackoff.TotalSeconds));
        var message = error is { Length: > 500 } ? error[..500] : error;
        await db.InboxEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Attempts, attempts).SetProperty(e => e.Failed, failed).SetProperty(e => e.LastError, message)
            .SetProperty(e => e.NextAttemptAt, error is null ? entry.NextAttemptAt : next)
            .SetProperty(e => e.LockedBy, (string?)null).SetProperty(e => e.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        if (error is not null)
            logger.Log(failed ? LogLevel.Error : LogLevel.Warning, "Inbox entry {Id} ({Key}) not handled, attempt {Attempts}: {Error}", entry.Id, entry.Key, attempts, message);
    }

    /// <summary>Handled entries and recorded deliveries are kept a week (long past any platform's retries), then dropped.</summary>
    private async Task PurgeAsync(CmBotDb db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - lastPurge < TimeSpan.FromHours(1)) return;
        lastPurge = now;
        var before = now - Retention;
        await db.InboxEntries.Where(e => e.ProcessedAt < before).ExecuteDeleteAsync(cancellationToken);
        await db.InboundDeliveries.Where(d => d.ReceivedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
