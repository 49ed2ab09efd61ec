using System.Threading.Channels;
using CmBot.Domain.Conversations;
using CmBot.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Inbox;

/// <summary>
/// Inputs this instance accepted and leased to itself in the very statement that wrote them, waiting in memory for
/// the processor: it neither claims nor reads them back from the store. They are split in lanes by conversation, so
/// lanes run side by side while each conversation's inputs keep their order in one lane. Bounded: when too many wait,
/// the writer leaves new inputs unleased in the store, where the processor's claim finds them as it finds any other.
/// </summary>
public sealed class HeldInputs
{
    private readonly Channel<Held>[] lanes;
    private readonly int capacity;
    private int waiting;

    public HeldInputs(IOptions<DeliveryOptions> options)
    {
        lanes = Enumerable.Range(0, Math.Max(1, options.Value.InboxLanes)).Select(_ => Channel.CreateUnbounded<Held>()).ToArray();
        capacity = options.Value.InboxHeldInMemory;
    }

    /// <summary>An input written and leased to this instance, with what it was written from.</summary>
    public sealed record Held(InboxEntry Entry, ChatInput Input);

    /// <summary>The lease holder written into the entries held here (see <see cref="InboxEntry.LockedBy"/>).</summary>
    public string Owner { get; } = Guid.NewGuid().ToString("N")[..12];

    public int Lanes => lanes.Length;

    /// <summary>Whether <paramref name="count"/> more inputs may be held in memory (else they go to the store unleased).</summary>
    public bool HasRoomFor(int count) => Volatile.Read(ref waiting) + count <= capacity;

    public void Add(Held input)
    {
        Interlocked.Increment(ref waiting);
        lanes[Lane(input.Input.Where)].Writer.TryWrite(input);
    }

    /// <summary>Up to <paramref name="max"/> inputs of one lane, in the order they were written.</summary>
    public List<Held> Take(int lane, int max)
    {
        var taken = new List<Held>();
        while (taken.Count < max && lanes[lane].Reader.TryRead(out var input)) taken.Add(input);
        Interlocked.Add(ref waiting, -taken.Count);
        return taken;
    }

    /// <summary>Up to <paramref name="max"/> inputs of all lanes, in the order they were written.</summary>
    public List<Held> TakeAll(int max)
    {
        var taken = new List<Held>();
        while (taken.Count < max)
        {
            Held? first = null;
            var from = -1;
            for (var lane = 0; lane < lanes.Length; lane++)
                if (lanes[lane].Reader.TryPeek(out var head) && (first is null || head.Entry.Id < first.Entry.Id)) (first, from) = (head, lane);
            if (from < 0) break;
            taken.AddRange(Take(from, 1));
        }
        return taken;
    }

    public ValueTask<bool> WaitAsync(int lane, CancellationToken cancellationToken) => lanes[lane].Reader.WaitToReadAsync(cancellationToken);

    private int Lane(ChatAddress where) => (int)((uint)where.GetHashCode() % (uint)lanes.Length);
}
