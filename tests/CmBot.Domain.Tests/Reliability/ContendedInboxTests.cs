using CmBot.Domain.Store;
using CmBot.Domain.Tests.Delivery;
using CmBot.Domain.Tests.Inbox;
using CmBot.Domain.Tests.Reminders;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Tests.Reliability;

/// <summary>
/// Issue 7, "nothing doubled": an instance accepts 600 `help` messages over 60 conversations and dies before handling
/// them; once its lease runs out, two other instances' inbox processors drain the store at once. Each message is
/// answered exactly once, by one instance or the other (straight away or through the outbox), and all are handled. On PostgreSQL (needs CMBOT_TEST_POSTGRES)
/// and on one SQLite file.
/// </summary>
public sealed class ContendedInboxTests
{
    private const int Messages = 600;
    private const int Conversations = 60;
    private static readonly TimeSpan Lease = TimeSpan.FromMilliseconds(300);

    [PostgresFact]
    public async Task TwoProcessorsOnPostgres_AnswerEachMessageOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await DrainWithTwoProcessorsAsync(database.Options);
    }

    [Fact]
    public async Task TwoProcessorsOnOneSqliteFile_AnswerEachMessageOnce()
    {
        using var store = new TestStore();
        await DrainWithTwoProcessorsAsync(store.Options);
    }

    private static async Task DrainWithTwoProcessorsAsync(StoreOptions store)
    {
        // A little latency per send, so that one instance's pass is still sending when the other claims.
        var (channelA, channelB) = (new RecordingSender("test") { Latency = TimeSpan.FromMilliseconds(2) }, new RecordingSender("test") { Latency = TimeSpan.FromMilliseconds(2) });
        await using (var dead = new InboxHost(store, delivery: o => o.Lease = Lease))
            await Task.WhenAll(Enumerable.Range(0, Messages).Select(i => dead.AcceptAsync($"c{i % Conversations}", BrandBuilder.Ana, "help")));
        await using var a = new InboxHost(store, channelA);
        await using var b = new InboxHost(store, channelB);
        await Task.Delay(Lease);

        var taken = await Task.WhenAll(new[] { a, b }.Select(node => Task.Run(async () =>
        {
            var total = 0;
            for (int count; (count = await node.Processor.ProcessDueAsync(CancellationToken.None)) > 0;) total += count;
            return total;
        })));

        Assert.True(taken.All(t => t > 0), $"both instances took entries ({taken[0]} and {taken[1]})");
        Assert.Equal(Messages, taken.Sum());
        await using var db = new CmBotDb(store.DbContextOptions());
        Assert.Equal(Messages, await db.InboxEntries.CountAsync(e => e.ProcessedAt != null));
        // An instance takes a conversation's messages together, oldest first; past a few in one pass, its answers go
        // through the outbox, which sends each once, in order (ContendedDispatchTests).
        Assert.Equal(Messages, channelA.Calls.Count + channelB.Calls.Count + await db.OutboxMessages.CountAsync());
    }
}
