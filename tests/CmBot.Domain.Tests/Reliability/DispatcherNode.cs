using CmBot.Domain.Delivery;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Tests.Reliability;

/// <summary>
/// One process's worth of the product for the contention tests: its own container (so its own dispatcher, with its own
/// instance name), on the shared store, sending to the shared platform.
/// </summary>
public sealed class DispatcherNode : IDisposable
{
    private readonly ServiceProvider services;

    public DispatcherNode(string name, StoreOptions store, TimedPlatform platform)
    {
        var collection = new ServiceCollection();
        collection.AddCmBotDomain();
        collection.AddSingleton(Options.Create(store));
        collection.AddSingleton(platform.Sender("teams", name));
        collection.AddSingleton(platform.Sender("slack", name));
        services = collection.BuildServiceProvider();
    }

    /// <summary>Stages in one transaction, as the product does (the change and its messages commit together).</summary>
    public async Task StageAsync(Func<Outbox, Task> work)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await work(scope.ServiceProvider.GetRequiredService<Outbox>());
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>
    /// Dispatch passes until nothing is left to send and <paramref name="moreToCome"/> says nothing more will be staged;
    /// a pass that finds nothing (the other node holds it) waits a moment. Returns this node's sends and passes.
    /// </summary>
    public async Task<(int Sent, int Passes)> DispatchUntilEmptyAsync(Func<bool> moreToCome)
    {
        var dispatcher = services.GetRequiredService<OutboxDispatcher>();
        var (sent, passes) = (0, 0);
        while (true)
        {
            var pass = await dispatcher.DispatchDueAsync(CancellationToken.None);
            (sent, passes) = (sent + pass, passes + 1);
            if (pass > 0) continue;
            if (!moreToCome() && !await AnythingLeftAsync()) return (sent, passes);
            await Task.Delay(5);
        }
    }

    private async Task<bool> AnythingLeftAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CmBotDb>().OutboxMessages.AnyAsync(m => m.SentAt == null && !m.Failed);
    }

    public void Dispose() => services.Dispose();
}
