using System.Threading.Channels;

namespace CmBot.Domain.Reminders;

/// <summary>Brands whose schedule changed and was committed; <see cref="ReminderScheduleWorker"/> re-syncs their triggers.</summary>
public sealed class ReminderScheduleSignal
{
    private readonly Channel<int> changed = Channel.CreateUnbounded<int>();

    public void Notify(int brandId) => changed.Writer.TryWrite(brandId);

    public IAsyncEnumerable<int> ReadAllAsync(CancellationToken cancellationToken) => changed.Reader.ReadAllAsync(cancellationToken);

    /// <summary>What is waiting, without waiting (tests).</summary>
    public List<int> Drain()
    {
        var ids = new List<int>();
        while (changed.Reader.TryRead(out var id)) ids.Add(id);
        return ids;
    }
}
