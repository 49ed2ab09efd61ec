using System.Threading.Channels;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Inbox;

/// <summary>
/// Accepts inputs for later handling, durably. Concurrent requests are written together, in one transaction
/// per batch (group commit): SQLite has a single writer, and one commit for many requests is what lets the
/// endpoints answer fast under load. <see cref="AcceptAsync"/> returns once the input is committed.
/// </summary>
public sealed class ConversationInbox(IServiceScopeFactory scopes, TimeProvider clock)
{
    private const int MaxBatch = 256;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly WorkSignal work = new();

    private sealed record Pending(ChatInput Input, TaskCompletionSource<bool> Written);

    /// <summary>True when the input was new; false for a retried delivery already accepted.</summary>
    public async Task<bool> AcceptAsync(ChatInput input, CancellationToken cancellationToken)
    {
        var pending = new Pending(input with { DeliveryId = input.DeliveryId ?? $"{input.Where.Channel}:{Guid.NewGuid():N}" },
            new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        await queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Written.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes what was accepted, batch after batch, until stopped (run by the host).</summary>
    public async Task RunWriterAsync(CancellationToken stoppingToken)
    {
        SqliteWriteGate.MarkUrgent(); // Every request in a batch waits on its commit.
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            var batch = new List<Pending>();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending)) batch.Add(pending);
            try
            {
                var written = await WriteAsync(batch, stoppingToken);
                for (var i = 0; i < batch.Count; i++) batch[i].Written.TrySetResult(written[i]);
                work.Notify();
            }
            catch (Exception error)
            {
                // Nothing of this batch was committed: each request fails, and the platform will retry it.
                foreach (var pending in batch) pending.Written.TrySetException(error);
            }
        }
    }

    /// <summary>Lets the processor sleep until something was written (or the timeout passes).</summary>
    public Task<bool> WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) => work.WaitAsync(timeout, cancellationToken);

    private async Task<bool[]> WriteAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var inserted = (await db.ReadAsync(InsertStatement(batch.Count), Values(batch, now), reader => reader.GetString(0), batch.Count, cancellationToken)).ToHashSet();
        await transaction.CommitAsync(cancellationToken);
        // A key inserted is new for its first request only; a second one in the same batch is a retry of it.
        return batch.Select(p => inserted.Remove(p.Input.DeliveryId!)).ToArray();
    }

    /// <summary>
    /// One statement for the whole batch, the same on SQLite and PostgreSQL: a delivery already written adds nothing,
    /// and the keys it returns are those that were new. Run without EF, whose FromSql would build and cache a query
    /// for each batch size: that cost more than the insert.
    /// </summary>
    private static string InsertStatement(int rows) => $"""
        INSERT INTO "InboxEntries" ("Key", "Input", "ReceivedAt", "NextAttemptAt", "Attempts", "Failed")
        VALUES {string.Join(", ", Enumerable.Range(0, rows).Select(i => $"(@k{i}, @i{i}, @now, @now, 0, FALSE)"))}
        ON CONFLICT ("Key") DO NOTHING RETURNING "Key"
        """;

    private static IEnumerable<KeyValuePair<string, object>> Values(List<Pending> batch, long now)
    {
        yield return new("now", now);
        for (var i = 0; i < batch.Count; i++)
        {
            yield return new($"k{i}", batch[i].Input.DeliveryId!);
            yield return new($"i{i}", ChatInputJson.Write(batch[i].Input));
        }
    }
}
