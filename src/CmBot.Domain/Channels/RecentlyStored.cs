using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace CmBot.Domain.Channels;

/// <summary>
/// What this instance stored a moment ago, so that a busy conversation does not cost a store round trip per message.
/// Bounded: past <see cref="MaxEntries"/> it starts over, which is only a saving lost (one read per conversation).
/// </summary>
public sealed class RecentlyStored<TValue>(TimeProvider clock, TimeSpan freshness)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (TValue Value, DateTimeOffset At)> entries = new();

    /// <summary>The value stored under <paramref name="key"/> less than the freshness ago.</summary>
    public bool TryGet(string key, [MaybeNullWhen(false)] out TValue value)
    {
        if (entries.TryGetValue(key, out var entry) && clock.GetUtcNow() - entry.At < freshness)
        {
            value = entry.Value;
            return true;
        }
        value = default;
        return false;
    }

    public void Remember(string key, TValue value)
    {
        if (entries.Count > MaxEntries) entries.Clear();
        entries[key] = (value, clock.GetUtcNow());
    }

    public void Forget(string key) => entries.TryRemove(key, out _);
}
