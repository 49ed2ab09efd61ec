using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Inbox;
using CmBot.Domain.Store;
using CmBot.Domain.Tests.Reminders;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        var collection = new ServiceCollection();
        collection.AddCmBotDomain();
        collection.AddSingleton(Options.Create(options));
        await using var services = collection.BuildServiceProvider();
        var inbox = services.GetRequiredService<ConversationInbox>();
        using var stop = new CancellationTokenSource();
        var writer = inbox.RunWriterAsync(stop.Token);

        // Forty deliveries, each sent three times at once: the copies race into the same batches.
        var keys = Enumerable.Range(0, 40).Select(i => $"test:delivery-{i}").ToList();
        var copies = keys.SelectMany(key => Enumerable.Repeat(key, 3)).ToList();
        var firstRound = await Task.WhenAll(copies.Select(key => AcceptAsync(inbox, key)));
        var retriedLater = await AcceptAsync(inbox, keys[0]);

        var newCopies = copies.Zip(firstRound).Where(c => c.Second).Select(c => c.First);
        Assert.Equal(keys.Order(), newCopies.Order());
        Assert.False(retriedLater);
        await using (var scope = services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<CmBotDb>().InboxEntries.Select(e => e.Key).ToListAsync();
            Assert.Equal(keys.Order(), stored.Order());
        }
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer);
    }

    private static Task<bool> AcceptAsync(ConversationInbox inbox, string key) =>
        inbox.AcceptAsync(new ChatInput(new ChatAddress("test", "c1"), new ChatUser("u1", "Ana"), "help") { DeliveryId = key }, CancellationToken.None);
}
