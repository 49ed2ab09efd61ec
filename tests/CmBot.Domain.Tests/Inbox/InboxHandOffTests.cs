using CmBot.Domain.Tests.Delivery;
using CmBot.Domain.Tests.Reminders;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Tests.Inbox;

/// <summary>
/// What an instance accepts is leased to it as it is written and handled from memory: another instance leaves it
/// alone until the lease is given back (on a clean stop) or runs out. Past the memory bound, inputs wait in the store
/// for whichever instance claims them, and are answered all the same.
/// </summary>
public sealed class InboxHandOffTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly RecordingSender first = new("test"), second = new("test");

    public InboxHandOffTests()
    {
        using var db = store.NewDb();
        new BrandBuilder("Acme").WithApprover(BrandBuilder.Ana).LinkedTo("test", "c1").LinkedTo("test", "c2").SaveIn(db);
    }

    public void Dispose() => store.Dispose();

    [Fact]
    public async Task WhatOneInstanceAccepted_IsLeftAlone_UntilItGivesItBackOnStop_ThenAnotherAnswersAtOnce()
    {
        await using var other = new InboxHost(store.Options, second);
        await using (var stopping = new InboxHost(store.Options, first))
        {
            await stopping.AcceptAsync("c1", BrandBuilder.Ana, "help");
            await stopping.AcceptAsync("c2", BrandBuilder.Ana, "help");

            Assert.Equal(0, await other.Processor.ProcessDueAsync(CancellationToken.None));

            await stopping.Processor.ReleaseHeldAsync(CancellationToken.None);
        }

        Assert.Equal(2, await other.Processor.ProcessDueAsync(CancellationToken.None));
        Assert.Empty(first.Calls);
        Assert.Equal(["c1", "c2"], second.Calls.Select(c => c.ConversationId).Order());
        using var db = store.NewDb();
        Assert.True(await db.InboxEntries.AllAsync(e => e.ProcessedAt != null && e.LockedBy == null));
    }

    [Fact]
    public async Task PastTheMemoryBound_InputsWaitInTheStore_AndAreAnsweredOnce_InOrder()
    {
        await using var host = new InboxHost(store.Options, first, o => o.InboxHeldInMemory = 2);
        foreach (var text in new[] { "help", "numbers", "help", "numbers", "help" }) await host.AcceptAsync("c1", BrandBuilder.Ana, text);
        using (var db = store.NewDb())
            Assert.Equal(3, await db.InboxEntries.CountAsync(e => e.LockedBy == null));

        var taken = 0;
        for (int count; (count = await host.Processor.ProcessDueAsync(CancellationToken.None)) > 0;) taken += count;

        Assert.Equal(5, taken);
        Assert.Equal(["help", "numbers", "help", "numbers", "help"], first.Calls.Select(c => c.Content!.Card!.Kind.ToString().ToLowerInvariant()));
    }

    /// <summary>On PostgreSQL the unleased insert sends its lease columns as untyped nulls (needs CMBOT_TEST_POSTGRES).</summary>
    [PostgresFact]
    public async Task OnPostgres_PastTheMemoryBound_InputsWaitInTheStore_AndAreAnsweredOnce()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await using var host = new InboxHost(database.Options, first, o => o.InboxHeldInMemory = 2);
        for (var i = 0; i < 5; i++) await host.AcceptAsync("c1", BrandBuilder.Ana, "help");

        var taken = 0;
        for (int count; (count = await host.Processor.ProcessDueAsync(CancellationToken.None)) > 0;) taken += count;

        Assert.Equal(5, taken);
        Assert.Equal(5, first.Calls.Count);
    }
}
