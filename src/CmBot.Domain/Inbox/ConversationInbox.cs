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
        var written = new bool[batch.Count];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < batch.Count; i++)
        {
            var (key, json) = (batch[i].Input.DeliveryId!, ChatInputJson.Write(batch[i].Input));
            // The same statement on SQLite and PostgreSQL; a delivery already written adds nothing.
            written[i] = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "InboxEntries" ("Key", "Input", "ReceivedAt", "NextAttemptAt", "Attempts", "Failed")
                VALUES ({key}, {json}, {now}, {now}, 0, FALSE) ON CONFLICT ("Key") DO NOTHING
                """, cancellationToken) == 1;
        }
        await transaction.CommitAsync(cancellationToken);
        return written;
    }
}
