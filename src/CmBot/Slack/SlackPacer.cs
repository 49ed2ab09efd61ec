using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CmBot.Slack;

/// <summary>Spaces posts to one channel by about a second, Slack's rate for chat.postMessage; other channels are not held up.</summary>
public sealed class SlackPacer(IOptions<SlackOptions> options, TimeProvider clock)
{
    private sealed class Slot
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public DateTimeOffset Next;
    }

    private readonly ConcurrentDictionary<string, Slot> slots = new();

    public async Task WaitTurnAsync(string channel, CancellationToken cancellationToken)
    {
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
}
