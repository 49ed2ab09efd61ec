namespace CmBot.Teams.Connector;

/// <summary>
/// Keeps sends under the documented Bot API limits (teams.md §5.1) instead of waiting for 429s: per conversation
/// 7/1 s, 8/2 s, 60/30 s and 1800/h; per tenant 50 requests/s. Each send reserves the earliest slot that breaks no
/// window and waits for it. Once the connector has answered, the send counts from the answer instead: the connector
/// counted it when it arrived, which is no later, so a next send arriving faster than this one did cannot land
/// inside its window (booked times alone let that happen, and a 429 costs far more than a round trip).
/// </summary>
public sealed class ConnectorPacer(TimeProvider clock)
{
    public static readonly (int Count, TimeSpan Window)[] PerConversation =
        [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))];
    public static readonly (int Count, TimeSpan Window)[] PerTenant = [(50, TimeSpan.FromSeconds(1))];
    private static readonly TimeSpan LongestPerConversation = PerConversation.Max(l => l.Window), LongestPerTenant = PerTenant.Max(l => l.Window);

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly Lock gate = new();
    private readonly Dictionary<string, List<DateTimeOffset>> sends = new(StringComparer.Ordinal);
    private DateTimeOffset lastSweep;

    /// <summary>How many conversations and tenants the pacer holds a history for.</summary>
    public int Tracked
    {
        get { lock (gate) return sends.Count; }
    }

    /// <summary>Waits for the send's slot and returns it; pass it to <see cref="Answered(string, string?, DateTimeOffset)"/> once the connector replied.</summary>
    public async Task<DateTimeOffset> WaitAsync(string conversationId, string? tenantId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var slot = now + Reserve(conversationId, tenantId, now);
        // Timers count whole milliseconds and may fire up to one early, which would put this send a hair inside a
        // window the connector counts exactly: wait until the slot has truly come.
        for (var left = slot - now; left > TimeSpan.Zero; left = slot - clock.GetUtcNow())
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)), clock, cancellationToken);
        return slot;
    }

    public void Answered(string conversationId, string? tenantId, DateTimeOffset booked) =>
        Answered(conversationId, tenantId, booked, clock.GetUtcNow());

    /// <summary>The send booked at <paramref name="booked"/> now counts from <paramref name="answeredAt"/>, if later.</summary>
    public void Answered(string conversationId, string? tenantId, DateTimeOffset booked, DateTimeOffset answeredAt)
    {
        if (answeredAt <= booked) return;
        lock (gate)
        {
            Move(ConversationKey(conversationId), booked, answeredAt);
            Move(TenantKey(tenantId), booked, answeredAt);
        }
    }

    /// <summary>Books a send no sooner than <paramref name="now"/>; returns how long to wait for it.</summary>
    public TimeSpan Reserve(string conversationId, string? tenantId, DateTimeOffset now)
    {
        lock (gate)
        {
            ForgetIdle(now);
            var conversation = History(ConversationKey(conversationId), LongestPerConversation, now);
            var tenant = History(TenantKey(tenantId), LongestPerTenant, now);
            var at = Slot(conversation, tenant, now);
            conversation.Add(at);
            tenant.Add(at);
            return at - now;
        }
    }

    /// <summary>Whether a send to the conversation would go now, booking nothing.</summary>
    public bool IsFree(string conversationId, string? tenantId)
    {
        var now = clock.GetUtcNow();
        lock (gate)
            return Slot(sends.GetValueOrDefault(ConversationKey(conversationId)) ?? [], sends.GetValueOrDefault(TenantKey(tenantId)) ?? [], now) <= now;
    }

    /// <summary>The earliest time not before <paramref name="now"/> at which one more send fits the conversation's and the tenant's windows.</summary>
    private static DateTimeOffset Slot(List<DateTimeOffset> conversation, List<DateTimeOffset> tenant, DateTimeOffset now)
    {
        var at = now;
        // Raising the time for one window never lowers it for another, so this settles in a few rounds.
        for (var moved = true; moved;)
        {
            var next = Max(Max(at, Earliest(conversation, PerConversation, at)), Earliest(tenant, PerTenant, at));
            moved = next != at;
            at = next;
        }
        return at;
    }

    /// <summary>
    /// The earliest time not before <paramref name="at"/> at which one more send fits every window. A history is sorted,
    /// so the sends inside a window are its last ones, and the count-th from the end is the one that must leave it.
    /// </summary>
    private static DateTimeOffset Earliest(List<DateTimeOffset> booked, (int Count, TimeSpan Window)[] limits, DateTimeOffset at)
    {
        if (booked.Count > 0 && booked[^1] > at) at = booked[^1]; // Sends keep their order.
        foreach (var (count, window) in limits)
            if (booked.Count >= count && booked[^count] > at - window) at = booked[^count] + window;
        return at;
    }

    private List<DateTimeOffset> History(string key, TimeSpan longest, DateTimeOffset now)
    {
        if (!sends.TryGetValue(key, out var booked)) sends[key] = booked = [];
        var expired = 0;
        while (expired < booked.Count && booked[expired] <= now - longest) expired++;
        booked.RemoveRange(0, expired);
        return booked;
    }

    /// <summary>
    /// Drops, a minute apart at most, the conversations and tenants with no send inside their longest window: an agency's
    /// bot meets thousands of conversations, and each would otherwise keep its key (and an empty history) for good.
    /// </summary>
    private void ForgetIdle(DateTimeOffset now)
    {
        if (now - lastSweep < SweepInterval) return;
        lastSweep = now;
        foreach (var (key, history) in sends)
        {
            var longest = key.StartsWith("c:", StringComparison.Ordinal) ? LongestPerConversation : LongestPerTenant;
            if (history.Count == 0 || history[^1] <= now - longest) sends.Remove(key);
        }
    }

    /// <summary>Replaces one booking by a later time, keeping the history sorted (a booking already forgotten is added back).</summary>
    private void Move(string key, DateTimeOffset booked, DateTimeOffset at)
    {
        if (!sends.TryGetValue(key, out var history)) sends[key] = history = [];
        var index = history.IndexOf(booked);
        if (index >= 0) history.RemoveAt(index);
        var position = history.FindLastIndex(t => t <= at) + 1;
        history.Insert(position, at);
    }

    private static string ConversationKey(string conversationId) => "c:" + conversationId;

    private static string TenantKey(string? tenantId) => "t:" + (tenantId ?? "");

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
