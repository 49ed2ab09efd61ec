namespace CmBot.Teams.Connector;

/// <summary>
/// Keeps sends under the documented Bot API limits (teams.md §5.1) instead of waiting for 429s: per conversation
/// 7/1 s, 8/2 s, 60/30 s and 1800/h; per tenant 50 requests/s. Each send reserves the earliest slot that breaks no
/// window and waits for it.
/// </summary>
public sealed class ConnectorPacer(TimeProvider clock)
{
    public static readonly (int Count, TimeSpan Window)[] PerConversation =
        [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))];
    public static readonly (int Count, TimeSpan Window)[] PerTenant = [(50, TimeSpan.FromSeconds(1))];

    private readonly Lock gate = new();
    private readonly Dictionary<string, List<DateTimeOffset>> sends = new(StringComparer.Ordinal);

    public async Task WaitAsync(string conversationId, string? tenantId, CancellationToken cancellationToken)
    {
        var delay = Reserve(conversationId, tenantId, clock.GetUtcNow());
        if (delay > TimeSpan.Zero) await Task.Delay(delay, clock, cancellationToken);
    }

    /// <summary>Books a send no sooner than <paramref name="now"/>; returns how long to wait for it.</summary>
    public TimeSpan Reserve(string conversationId, string? tenantId, DateTimeOffset now)
    {
        lock (gate)
        {
            var conversation = History("c:" + conversationId, PerConversation, now);
            var tenant = History("t:" + (tenantId ?? ""), PerTenant, now);
            var at = now;
            // Raising the time for one window never lowers it for another, so this settles in a few rounds.
            for (var moved = true; moved;)
            {
                var next = Max(Max(at, Earliest(conversation, PerConversation, at)), Earliest(tenant, PerTenant, at));
                moved = next != at;
                at = next;
            }
            conversation.Add(at);
            tenant.Add(at);
            return at - now;
        }
    }

    /// <summary>The earliest time not before <paramref name="at"/> at which one more send fits every window.</summary>
    private static DateTimeOffset Earliest(List<DateTimeOffset> booked, (int Count, TimeSpan Window)[] limits, DateTimeOffset at)
    {
        if (booked.Count > 0 && booked[^1] > at) at = booked[^1]; // Sends keep their order.
        foreach (var (count, window) in limits)
        {
            var inWindow = booked.Where(t => t > at - window).ToList();
            if (inWindow.Count >= count) at = Max(at, inWindow[inWindow.Count - count] + window);
        }
        return at;
    }

    private List<DateTimeOffset> History(string key, (int Count, TimeSpan Window)[] limits, DateTimeOffset now)
    {
        if (!sends.TryGetValue(key, out var booked)) sends[key] = booked = [];
        var longest = limits.Max(l => l.Window);
        booked.RemoveAll(t => t <= now - longest);
        return booked;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
