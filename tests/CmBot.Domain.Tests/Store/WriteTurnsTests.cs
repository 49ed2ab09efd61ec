using CmBot.Domain.Store;

namespace CmBot.Domain.Tests.Store;

/// <summary>
/// The order in which this process's SQLite writers get the write lock: someone waiting on an answer goes before
/// background work, yet background work is never starved by a busy endpoint.
/// </summary>
public sealed class WriteTurnsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AnUrgentWriter_GoesBeforeBackgroundWorkThatWaitedLonger()
    {
        var turns = new WriteTurns();
        Assert.True(await turns.TakeAsync(isUrgent: false, Patience, CancellationToken.None));
        var order = new List<string>();
        var background = Take(turns, false, order, "background");
        var urgent = Take(turns, true, order, "urgent");

        turns.Release();
        await urgent;
        turns.Release();
        await background;

        Assert.Equal(["urgent", "background"], order);
    }

    [Fact]
    public async Task UnderSteadyUrgentLoad_BackgroundWorkStillGetsEveryOtherTurn()
    {
        var turns = new WriteTurns();
        Assert.True(await turns.TakeAsync(isUrgent: true, Patience, CancellationToken.None));
        var order = new List<string>();
        var waiting = new List<Task>
        {
            Take(turns, false, order, "b1"), Take(turns, false, order, "b2"),
            Take(turns, true, order, "u1"), Take(turns, true, order, "u2"), Take(turns, true, order, "u3"),
        };

        foreach (var _ in waiting)
        {
            var before = order.Count;
            turns.Release();
            await WaitUntil(() => order.Count > before);
        }

        // The holder was urgent: background goes next, then they take turns while both wait.
        Assert.Equal(["b1", "u1", "b2", "u2", "u3"], order);
    }

    [Fact]
    public async Task AWriterOutOfPatience_LeavesTheQueue_AndTheNextOneGetsTheTurn()
    {
        var turns = new WriteTurns();
        Assert.True(turns.Take(isUrgent: false, Patience));

        Assert.False(await turns.TakeAsync(isUrgent: true, TimeSpan.FromMilliseconds(50), CancellationToken.None));
        var order = new List<string>();
        var next = Take(turns, false, order, "next");
        turns.Release();
        await next;

        Assert.Equal(["next"], order);
    }

    [Fact]
    public async Task AFreeLock_IsTakenAtOnce_AndFreeAgainOnceReleased()
    {
        var turns = new WriteTurns();

        Assert.True(await turns.TakeAsync(isUrgent: false, TimeSpan.Zero, CancellationToken.None));
        turns.Release();

        Assert.True(turns.Take(isUrgent: true, TimeSpan.Zero));
    }

    private static async Task Take(WriteTurns turns, bool urgent, List<string> order, string name)
    {
        var queued = turns.TakeAsync(urgent, Patience, CancellationToken.None);
        await Task.Yield();
        Assert.True(await queued);
        lock (order) order.Add(name);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 5)
        {
            Assert.True(waited < 5000, "the turn never came");
            await Task.Delay(5);
        }
    }
}
