using System.Threading.Channels;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Delivery;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Inbox;

/// <summary>
/// Accepts inputs for later handling, durably. Concurrent requests are written together, in one transaction
/// per batch (group commit): SQLite has a single writer, and one commit for many requests is what lets the
/// endpoints answer fast under load. <see cref="AcceptAsync"/> returns once the input is committed. The same
/// commits carry the handled marks of answers sent straight away (see <see cref="MarkHandledAsync"/>).
/// <para>
/// An input is leased to this instance as it is written and handed to the processor in memory (see
/// <see cref="HeldInputs"/>); should the instance die first, the lease runs out and any instance's claim takes it.
/// </para>
/// </summary>
public sealed class ConversationInbox(IServiceScopeFactory scopes, HeldInputs held, TimeProvider clock, IOptions<DeliveryOptions> options)
{
    private const int MaxBatch = 256;
    private readonly Channel<Work> queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly WorkSignal stored = new();

    private abstract record Work(TaskCompletionSource<bool> Done);
    private sealed record Pending(ChatInput Input, TaskCompletionSource<bool> Done) : Work(Done);
    private sealed record Handled(IReadOnlyCollection<long> Ids, TaskCompletionSource<bool> Done) : Work(Done);

    /// <summary>True when the input was new; false for a retried delivery already accepted.</summary>
    public async Task<bool> AcceptAsync(ChatInput input, CancellationToken cancellationToken)
    {
        var pending = new Pending(input with { DeliveryId = input.DeliveryId ?? $"{input.Where.Channel}:{Guid.NewGuid():N}" }, NewCompletion());
        await queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Marks entries handled in the next commit, and returns once it is done.</summary>
    public async Task MarkHandledAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return;
        var handled = new Handled(ids, NewCompletion());
        await queue.Writer.WriteAsync(handled, cancellationToken);
        await handled.Done.Task.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource<bool> NewCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Writes what was accepted, batch after batch, until stopped (run by the host).</summary>
    public async Task RunWriterAsync(CancellationToken stoppingToken)
    {
        SqliteWriteGate.MarkUrgent(); // Every request in a batch waits on its commit.
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            var (inputs, marks) = (new List<Pending>(), new List<Handled>());
            while (inputs.Count < MaxBatch && queue.Reader.TryRead(out var work))
                if (work is Pending input) inputs.Add(input);
                else marks.Add((Handled)work);
            try
            {
                var written = await WriteAsync(inputs, marks.SelectMany(m => m.Ids).ToList(), stoppingToken);
                for (var i = 0; i < inputs.Count; i++) inputs[i].Done.TrySetResult(written[i]);
                foreach (var mark in marks) mark.Done.TrySetResult(true);
            }
            catch (Exception error)
            {
                // Nothing of this batch was committed: each request fails, and the platform will retry it.
                foreach (var work in inputs.Concat<Work>(marks)) work.Done.TrySetException(error);
            }
        }
    }

    /// <summary>Wakes the processor's loop over the store: an input was given back to it.</summary>
    public void LeftInStore() => stored.Notify();

    /// <summary>Lets the processor sleep until an input was left in the store for it (or the timeout passes).</summary>
    public Task<bool> WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) => stored.WaitAsync(timeout, cancellationToken);

    private async Task<bool[]> WriteAsync(List<Pending> inputs, List<long> handled, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        var now = clock.GetUtcNow();
        var lease = held.HasRoomFor(inputs.Count) ? now + options.Value.Lease : (DateTimeOffset?)null;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inserted = inputs.Count == 0 ? [] : (await db.ReadAsync(InsertStatement(inputs.Count), Values(inputs, now, lease),
            reader => (Key: reader.GetString(0), Id: reader.GetInt64(1)), inputs.Count, cancellationToken)).ToDictionary(r => r.Key, r => r.Id);
        if (handled.Count > 0) await db.ReadAsync(MarkStatement(handled.Count), Marks(handled, now), _ => 0, 0, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // A key inserted is new for its first request only; a second one in the same batch is a retry of it.
        var written = new bool[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i].Input;
            if (!inserted.Remove(input.DeliveryId!, out var id)) continue;
            written[i] = true;
            if (lease is not null) held.Add(new HeldInputs.Held(Entry(id, input, now, lease.Value), input));
        }
        if (lease is null && written.Contains(true)) stored.Notify();
        return written;
    }

    private InboxEntry Entry(long id, ChatInput input, DateTimeOffset now, DateTimeOffset lease) => new()
    {
        Id = id, Key = input.DeliveryId!, Conversation = InboxEntry.ConversationOf(input.Where), Input = "", ReceivedAt = now, NextAttemptAt = now, LockedBy = held.Owner, LockedUntil = lease,
    };

    /// <summary>
    /// One statement for the whole batch, the same on SQLite and PostgreSQL: a delivery already written adds nothing,
    /// and the keys it returns are those that were new. Run without EF, whose FromSql would build and cache a query
    /// for each batch size: that cost more than the insert.
    /// </summary>
    private static string InsertStatement(int rows) => $"""
        INSERT INTO "InboxEntries" ("Key", "Conversation", "Input", "ReceivedAt", "NextAttemptAt", "Attempts", "Failed", "LockedBy", "LockedUntil")
        VALUES {string.Join(", ", Enumerable.Range(0, rows).Select(i => $"(@k{i}, @c{i}, @i{i}, @now, @now, 0, FALSE, @owner, @until)"))}
        ON CONFLICT ("Key") DO NOTHING RETURNING "Key", "Id"
        """;

    private IEnumerable<KeyValuePair<string, object>> Values(List<Pending> inputs, DateTimeOffset now, DateTimeOffset? lease)
    {
        yield return new("now", now.ToUnixTimeMilliseconds());
        yield return new("owner", lease is null ? DBNull.Value : held.Owner);
        yield return new("until", lease is { } until ? until.ToUnixTimeMilliseconds() : DBNull.Value);
        for (var i = 0; i < inputs.Count; i++)
        {
            yield return new($"k{i}", inputs[i].Input.DeliveryId!);
            yield return new($"c{i}", InboxEntry.ConversationOf(inputs[i].Input.Where));
            yield return new($"i{i}", ChatInputJson.Write(inputs[i].Input));
        }
    }

    private static string MarkStatement(int rows) => $"""
        UPDATE "InboxEntries" SET "ProcessedAt" = @now, "LockedBy" = NULL, "LockedUntil" = NULL
        WHERE "Id" IN ({string.Join(", ", Enumerable.Range(0, rows).Select(i => $"@h{i}"))})
        """;

    private static IEnumerable<KeyValuePair<string, object>> Marks(List<long> ids, DateTimeOffset now) =>
        ids.Select((id, i) => new KeyValuePair<string, object>($"h{i}", id)).Prepend(new("now", now.ToUnixTimeMilliseconds()));
}
