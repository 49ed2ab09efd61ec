using System.Collections.Concurrent;

namespace CmBot.Teams;

/// <summary>
/// What this instance stored a moment ago, so that a busy chat does not cost a store round trip per message:
/// an activity whose reference (serviceUrl, names, tenant, team) is exactly what was stored less than a
/// minute ago needs nothing written.
/// </summary>
public sealed class RecentConversations(TimeProvider clock)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (string Fingerprint, DateTimeOffset At)> seen = new();

    public bool IsFresh(string conversationId, string fingerprint) =>
        seen.TryGetValue(conversationId, out var last) && last.Fingerprint == fingerprint && clock.GetUtcNow() - last.At < Freshness;

    public void Stored(string conversationId, string fingerprint)
    {
        if (seen.Count > MaxEntries) seen.Clear(); // Only a saving; starting over costs one read per conversation.
        seen[conversationId] = (fingerprint, clock.GetUtcNow());
    }

    public void Forget(IEnumerable<string> conversationIds)
    {
        foreach (var id in conversationIds) seen.TryRemove(id, out _);
    }
}
