using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace CmBot.Domain.Channels;

/// <summary>
/// What this instance stored a moment ago, so that a busy conversation does not cost a store round trip per message.
/// Bounded by two generations of <see cref="GenerationSize"/> entries: when the current one is full it becomes the
/// previous one and the older is dropped, and an entry still in use is carried forward when it is read. Clearing
/// everything at the bound instead made an agency with more conversations than the bound read the store for almost
/// every message.
/// </summary>
public sealed class RecentlyStored<TValue>(TimeProvider clock, TimeSpan freshness)
{
    public const int GenerationSize = 10_000;

    private Generation current = new(), previous = new();

    /// <summary>The value stored under <paramref name="key"/> less than the freshness ago.</summary>
    public bool TryGet(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var now = clock.GetUtcNow();
        var newest = Volatile.Read(ref current);
        if (newest.Entries.TryGetValue(key, out var entry) && now - entry.At < freshness)
        {
            value = entry.Value;
            return true;
        }
        if (Volatile.Read(ref previous).Entries.TryGetValue(key, out entry) && now - entry.At < freshness)
        {
            Add(newest, key, entry);
            value = entry.Value;
            return true;
        }
        value = default;
        return false;
    }

    public void Remember(string key, TValue value) => Add(Volatile.Read(ref current), key, (value, clock.GetUtcNow()));

    public void Forget(string key)
    {
        Volatile.Read(ref current).Entries.TryRemove(key, out _);
        Volatile.Read(ref previous).Entries.TryRemove(key, out _);
    }

    private void Add(Generation generation, string key, (TValue Value, DateTimeOffset At) entry)
    {
        generation.Entries[key] = entry;
        // Exactly one writer sees the count reach the size, so one swap per generation.
        if (Interlocked.Increment(ref generation.Added) != GenerationSize) return;
        Volatile.Write(ref previous, generation);
        Volatile.Write(ref current, new Generation());
    }

    private sealed class Generation
    {
        public readonly ConcurrentDictionary<string, (TValue Value, DateTimeOffset At)> Entries = new();
        public int Added;
    }
}
