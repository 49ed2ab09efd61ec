using CmBot.Domain.Cards;
using CmBot.Domain.Delivery;
using CmBot.Domain.Store;
using CmBot.Domain.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Tests.Delivery;

/// <summary>
/// A card's new state staged while its post is on its way to the platform (sent, not yet recorded): the post carries
/// the state it was read with, and no copy is recorded yet to update. The copy must still end in the new state.
/// </summary>
public sealed class CardStateInFlightTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ManualClock clock = ManualClock.Default();
    private readonly RecordingSender teams = new();
    private readonly ServiceProvider services;

    public CardStateInFlightTests()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddCmBotDomain();
        collection.AddSingleton(Microsoft.Extensions.Options.Options.Create(store.Options));
        collection.AddSingleton<IChannelSender>(teams);
        services = collection.BuildServiceProvider();
    }

    private static Card DraftCard(string state) => new("draft-1", CardKind.Draft, "Draft 1") { State = state };

    private async Task StageAsync(Func<Outbox, Task> work)
    {
        using var scope = services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<Outbox>());
        await scope.ServiceProvider.GetRequiredService<CmBotDb>().SaveChangesAsync();
    }

    private Task<int> Dispatch() => services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    [Fact]
    public async Task NewStateStagedWhileThePostIsOnItsWay_TheCopyEndsInTheNewState()
    {
        await StageAsync(outbox => { outbox.Post("teams", "conv-1", null, new OutboundContent(null, DraftCard("Pending"))); return Task.CompletedTask; });
        var onItsWay = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        teams.Hold = async () =>
        {
            teams.Hold = null;
            onItsWay.SetResult();
            await release.Task;
        };

        var dispatching = Task.Run(Dispatch);
        await onItsWay.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await StageAsync(outbox => outbox.UpdateEverywhereAsync(DraftCard("Approved"), CancellationToken.None));
        release.SetResult();
        await dispatching.WaitAsync(TimeSpan.FromSeconds(10));
        await Dispatch();

        Assert.Equal(("post", "Pending"), (teams.Calls.First().Operation, teams.Calls.First().Content!.Card!.State));
        var last = teams.Calls.Last();
        Assert.Equal(("update", "m1", "Approved"), (last.Operation, last.MessageId, last.Content!.Card!.State));
    }

    public void Dispose()
    {
        services.Dispose();
        store.Dispose();
    }
}
