using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CmBot.Slack;

/// <summary>Spaces posts to one channel by about a second, Slack's rate for chat.postMessage; other channels are not held up.</summary>
public sealed class SlackPacer(IOptions<SlackOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private sealed class Slot
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public DateTimeOffset Next;
    }

    private readonly ConcurrentDictionary<string, Slot> slots = new();
    private long lastSweepTicks;

    /// <summary>How many channels this instance keeps a slot for.</summary>
    public int Tracked => slots.Count;

    /// <summary>Whether a post to the channel would go now (no post in flight there, and its pace allows one).</summary>
    public bool IsFree(string channel) => !slots.TryGetValue(channel, out var slot) || (slot.Gate.CurrentCount == 1 && slot.Next <= clock.GetUtcNow());

    public async Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
        ForgetQuiet(clock.GetUtcNow());
        var slot = slots.GetOrAdd(channel, _ => new Slot());
        await slot.Gate.WaitAsync(cancellationToken);
        try
        {
            var wait = slot.Next - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
            slot.Next = clock.GetUtcNow() + options.Value.PostInterval;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>
    /// An agency's bot posts to thousands of channels over months: channels quiet for ten minutes are forgotten, one
    /// sweep a minute at most, by one caller. A post racing the sweep for such a channel gets a fresh slot; at worst it
    /// follows the previous post by less than a second, after ten quiet minutes, which Slack's bursts allow.
    /// </summary>
    private void ForgetQuiet(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref lastSweepTicks);
        if (now.UtcTicks - last < SweepInterval.Ticks || Interlocked.CompareExchange(ref lastSweepTicks, now.UtcTicks, last) != last) return;
        foreach (var (channel, slot) in slots)
            if (now - slot.Next > Quiet && slot.Gate.CurrentCount == 1) slots.TryRemove(new KeyValuePair<string, Slot>(channel, slot));
    }
}
