using System.Collections.Concurrent;

namespace CmBot.Teams;

/// <summary>
/// What this instance stored a moment ago, so that a busy chat does not cost a store round trip per message:
/// an activity whose reference (serviceUrl, names, tenant, team) is exactly what was stored less than a
/// few minutes ago needs nothing written, and a reply to it needs nothing read. (A reference that changed, a new
/// serviceUrl, has another fingerprint and is stored at once.)
/// </summary>
public sealed class RecentConversations(TimeProvider clock)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromMinutes(10);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Entry> seen = new();

    private sealed record Entry(string Fingerprint, string ServiceUrl, string? TenantId, DateTimeOffset At);

    public bool IsFresh(string conversationId, string fingerprint) =>
        seen.TryGetValue(conversationId, out var last) && last.Fingerprint == fingerprint && clock.GetUtcNow() - last.At < Freshness;

    /// <summary>Where to reply, when this instance stored it a few minutes ago at most.</summary>
    public (string ServiceUrl, string? TenantId)? Target(string conversationId) =>
        seen.TryGetValue(conversationId, out var last) && clock.GetUtcNow() - last.At < Freshness ? (last.ServiceUrl, last.TenantId) : null;

    public void Stored(string conversationId, string fingerprint, string serviceUrl, string? tenantId)
    {
        if (seen.Count > MaxEntries) seen.Clear(); // Only a saving; starting over costs one read per conversation.
        seen[conversationId] = new Entry(fingerprint, serviceUrl, tenantId, clock.GetUtcNow());
    }

    public void Forget(IEnumerable<string> conversationIds)
    {
        foreach (var id in conversationIds) seen.TryRemove(id, out _);
    }
}
