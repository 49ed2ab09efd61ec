using CmBot.Domain.Inbox;
using CmBot.Domain.Store;
using CmBot.Domain.Tests.Delivery;
using CmBot.Domain.Tests.Reminders;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace CmBot.Domain.Tests.Inbox;

/// <summary>
/// A conversation's messages are answered in the order they were sent, also when an older one is still to handle
/// elsewhere: left in the store past the memory bound, waiting for its retry, or leased to an instance that died.
/// Other conversations do not wait for it.
/// </summary>
public sealed class InboxOrderTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly RecordingSender first = new("test"), second = new("test");

    public InboxOrderTests() => SeedBrand(store.Options);

    private static void SeedBrand(StoreOptions options)
    {
        using var db = new CmBotDb(options.DbContextOptions());
        new BrandBuilder("Acme").WithApprover(BrandBuilder.Ana).LinkedTo("test", "c1").LinkedTo("test", "c2").SaveIn(db);
    }

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task AMessageLeftInTheStore_IsAnsweredBeforeTheNextOne_HeldInMemoryOnceThereIsRoomAgain()
    {
        await using var host = new InboxHost(store.Options, first, o => o.InboxHeldInMemory = 2);
        await host.AcceptAsync("c1", BrandBuilder.Ana, "help");
        await host.AcceptAsync("c1", BrandBuilder.Ana, "help");
        await host.AcceptAsync("c1", BrandBuilder.Ana, "numbers"); // Memory full: it waits in the store.
        Assert.Equal(2, await host.Processor.ProcessDueAsync(CancellationToken.None));

        await host.AcceptAsync("c1", BrandBuilder.Ana, "help"); // Room again: held in memory.
        await DrainAsync(host);

        Assert.Equal(["Help", "Help", "Numbers", "Help"], Kinds(first, "c1"));
    }

    [Fact]
    public async Task AMessageWaitingForItsRetry_HoldsBackTheNewerOnesOfItsConversation_NotOthers()
    {
        await using var host = new InboxHost(store.Options, first, o => o.InboxHeldInMemory = 0); // Everything in the store.
        await host.AcceptAsync("c1", BrandBuilder.Ana, "numbers");
        await host.AcceptAsync("c1", BrandBuilder.Ana, "help");
        await host.AcceptAsync("c2", BrandBuilder.Ana, "help");
        await SetOldestAsync(e => e.SetProperty(x => x.Attempts, 1).SetProperty(x => x.NextAttemptAt, DateTimeOffset.UtcNow.AddHours(1))); // As a failed attempt leaves it.

        await DrainAsync(host);
        Assert.Equal(["c2"], first.Calls.Select(c => c.ConversationId));

        await SetOldestAsync(e => e.SetProperty(x => x.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1))); // Its retry is due.
        await DrainAsync(host);
        Assert.Equal(["Numbers", "Help"], Kinds(first, "c1"));
    }

    [Fact]
    public Task AMessageLeasedToAnInstanceThatDied_IsAnsweredBeforeTheNextOne_ThatAnotherInstanceAccepted() => AfterADeadInstanceAsync(store.Options);

    /// <summary>The claim and the check of held messages, in PostgreSQL's dialect (needs CMBOT_TEST_POSTGRES).</summary>
    [PostgresFact]
    public async Task OnPostgres_AMessageLeasedToAnInstanceThatDied_IsAnsweredBeforeTheNextOne()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        SeedBrand(database.Options);
        await AfterADeadInstanceAsync(database.Options);
    }

    private async Task AfterADeadInstanceAsync(StoreOptions options)
    {
        await using (var dead = new InboxHost(options, first))
            await dead.AcceptAsync("c1", BrandBuilder.Ana, "numbers"); // Leased to it; it dies before answering.
        await using var live = new InboxHost(options, second);
        await live.AcceptAsync("c1", BrandBuilder.Ana, "help");

        await DrainAsync(live);
        Assert.Empty(second.Calls); // The newer message waits for the older one's lease to run out.

        await SetOldestAsync(options, e => e.SetProperty(x => x.LockedUntil, DateTimeOffset.UtcNow.AddSeconds(-1)));
        await DrainAsync(live);
        Assert.Empty(first.Calls);
        Assert.Equal(["Numbers", "Help"], Kinds(second, "c1"));
    }

    private static async Task DrainAsync(InboxHost host)
    {
        while (await host.Processor.ProcessDueAsync(CancellationToken.None) > 0) { }
    }

    private Task SetOldestAsync(Action<UpdateSettersBuilder<InboxEntry>> set) => SetOldestAsync(store.Options, set);

    private static async Task SetOldestAsync(StoreOptions options, Action<UpdateSettersBuilder<InboxEntry>> set)
    {
        using var db = new CmBotDb(options.DbContextOptions());
        var oldest = await db.InboxEntries.MinAsync(e => e.Id);
        await db.InboxEntries.Where(e => e.Id == oldest).ExecuteUpdateAsync(set);
    }

    private static List<string> Kinds(RecordingSender sender, string conversation) =>
        sender.Calls.Where(c => c.ConversationId == conversation).Select(c => c.Content!.Card!.Kind.ToString()).ToList();
}
