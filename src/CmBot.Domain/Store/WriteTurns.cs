namespace CmBot.Domain.Store;

/// <summary>
/// Turns at one SQLite file's write lock, for the writers of this process. Someone waiting on an answer (an HTTP
/// request, the inbox's group commit) is urgent; background work (handling the inbox, the outbox) is not. When both
/// wait, the classes take turns, so a request waits for at most one background write and the background is never
/// starved by a busy endpoint.
/// </summary>
internal sealed class WriteTurns
{
    private readonly Lock sync = new();
    private readonly LinkedList<TaskCompletionSource> urgent = new();
    private readonly LinkedList<TaskCompletionSource> background = new();
    private bool taken;
    private bool lastWasUrgent;

    /// <summary>False when <paramref name="patience"/> ran out first (the caller then goes ahead without its turn).</summary>
    public async ValueTask<bool> TakeAsync(bool isUrgent, TimeSpan patience, CancellationToken cancellationToken)
    {
        var (turn, node) = Queue(isUrgent);
        if (turn is null) return true;
        try
        {
            await turn.Task.WaitAsync(patience, cancellationToken);
            return true;
        }
        catch (Exception waited) when (waited is TimeoutException or OperationCanceledException)
        {
            if (!GiveUp(node!, isUrgent)) return true; // Granted at the last moment: it is ours.
            if (waited is OperationCanceledException) throw;
            return false;
        }
    }

    public bool Take(bool isUrgent, TimeSpan patience)
    {
        var (turn, node) = Queue(isUrgent);
        if (turn is null || turn.Task.Wait(patience)) return true;
        return !GiveUp(node!, isUrgent);
    }

    public void Release()
    {
        lock (sync)
        {
            var queue = urgent.Count > 0 && (!lastWasUrgent || background.Count == 0) ? urgent : background;
            if (queue.First is not { } next)
            {
                taken = false;
                return;
            }
            queue.RemoveFirst();
            lastWasUrgent = queue == urgent;
            next.Value.SetResult();
        }
    }

    private (TaskCompletionSource? Turn, LinkedListNode<TaskCompletionSource>? Node) Queue(bool isUrgent)
    {
        lock (sync)
        {
            if (!taken)
            {
                taken = true;
                lastWasUrgent = isUrgent;
                return (null, null);
            }
            var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return (turn, (isUrgent ? urgent : background).AddLast(turn));
        }
    }

    /// <summary>Leaves the queue; false when the turn was granted meanwhile.</summary>
    private bool GiveUp(LinkedListNode<TaskCompletionSource> node, bool isUrgent)
    {
        lock (sync)
        {
            if (node.List is null) return false;
            (isUrgent ? urgent : background).Remove(node);
            return true;
        }
    }
}
