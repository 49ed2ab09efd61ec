using CmBot.Domain.Store;
using CmBot.Domain.Tests.Reminders;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Tests.Inbox;

/// <summary>
/// The inbox writes each batch of accepted inputs in one statement: a delivery is new once, however its retries
/// arrive (in the same batch, a later one, or concurrently), on SQLite and on PostgreSQL (needs CMBOT_TEST_POSTGRES).
/// </summary>
public sealed class InboxAcceptTests
{
    [Fact]
    public async Task OnSqlite_EachDeliveryIsNewOnce_AndStoredOnce()
    {
        using var store = new TestStore();
        await AcceptRetriesAsync(store.Options);
    }

    [PostgresFact]
    public async Task OnPostgres_EachDeliveryIsNewOnce_AndStoredOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await AcceptRetriesAsync(database.Options);
    }

    private static async Task AcceptRetriesAsync(StoreOptions options)
    {
        await using var host = new InboxHost(options);

        // Forty deliveries, each sent three times at once: the copies race into the same batches.
        var keys = Enumerable.Range(0, 40).Select(i => $"test:delivery-{i}").ToList();
        var copies = keys.SelectMany(key => Enumerable.Repeat(key, 3)).ToList();
        var firstRound = await Task.WhenAll(copies.Select(key => host.AcceptAsync("c1", BrandBuilder.Ana, "help", key)));
        var retriedLater = await host.AcceptAsync("c1", BrandBuilder.Ana, "help", keys[0]);

        var newCopies = copies.Zip(firstRound).Where(c => c.Second).Select(c => c.First);
        Assert.Equal(keys.Order(), newCopies.Order());
        Assert.False(retriedLater);
        await using var db = new CmBotDb(options.DbContextOptions());
        Assert.Equal(keys.Order(), (await db.InboxEntries.Select(e => e.Key).ToListAsync()).Order());
    }
}
