namespace CmBot.Domain.Common;

/// <summary>Wakes a background loop as soon as there is work, instead of waiting for its next poll.</summary>
public class WorkSignal
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount > 0) return;
        try { signal.Release(); }
        catch (SemaphoreFullException) { } // Two notifications raced: one wake-up is enough.
    }

    /// <summary>True when woken, false when the timeout passed.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
