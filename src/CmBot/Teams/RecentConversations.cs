using CmBot.Domain.Channels;

namespace CmBot.Teams;

/// <summary>
/// What this instance stored a moment ago, so that a busy chat does not cost a store round trip per message:
/// an activity whose reference (serviceUrl, names, tenant, team) is exactly what was stored less than a
/// few minutes ago needs nothing written, and a reply to it needs nothing read. (A reference that changed, a new
/// serviceUrl, has another fingerprint and is stored at once.)
/// </summary>
public sealed class RecentConversations(TimeProvider clock)
{
    private readonly RecentlyStored<Entry> seen = new(clock, TimeSpan.FromMinutes(10));

    private sealed record Entry(string Fingerprint, string ServiceUrl, string? TenantId);

    public bool IsFresh(string conversationId, string fingerprint) =>
        seen.TryGet(conversationId, out var last) && last.Fingerprint == fingerprint;

    /// <summary>Where to reply, when this instance stored it a few minutes ago at most.</summary>
    public (string ServiceUrl, string? TenantId)? Target(string conversationId) =>
        seen.TryGet(conversationId, out var last) ? (last.ServiceUrl, last.TenantId) : null;

    public void Stored(string conversationId, string fingerprint, string serviceUrl, string? tenantId) =>
        seen.Remember(conversationId, new Entry(fingerprint, serviceUrl, tenantId));

    public void Forget(IEnumerable<string> conversationIds)
    {
        foreach (var id in conversationIds) seen.Forget(id);
    }
}
