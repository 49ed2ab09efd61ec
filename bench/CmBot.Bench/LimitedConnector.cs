using System.Diagnostics;

namespace CmBot.Bench;

/// <summary>
/// A fake Teams connector that enforces the documented Bot API limits (teams.md §5.1) as sliding windows over the
/// calls it accepted: per bot per conversation 7/1 s, 8/2 s, 60/30 s, 1800/h; per app per tenant 50/s. Past any
/// of them it answers 429 Throttled with a Retry-After. The tenant is the serviceUrl's first path segment
/// (`/{tenant}/v3/...`), as real serviceUrls carry a region segment. Counts posts per conversation, so a message
/// sent twice shows. Refused calls do not use up a window: the documentation states what is allowed, not whether
/// refusals count.
/// </summary>
public static class LimitedConnector
{
    public static readonly (int Count, TimeSpan Window)[] PerConversation =
        [(7, TimeSpan.FromSeconds(1)), (8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1800, TimeSpan.FromHours(1))];
    public static readonly (int Count, TimeSpan Window)[] PerTenant = [(50, TimeSpan.FromSeconds(1))];

    /// <summary>What <c>GET /stats/{tenant}</c> answers. Times are Unix milliseconds (the bench compares them with the slot it set).</summary>
    public sealed record Stats(int Posts, int Conversations, int Doubled, int Throttled, long FirstPostAt, long LastNewConversationAt);

    /// <summary>One tenant's accepted posts per conversation and refusals.</summary>
    private sealed class Tally
    {
        private readonly Dictionary<string, int> posts = new(StringComparer.Ordinal);
        private int total;
        private long firstAt, lastNewAt;
        public int Throttled { get; set; }

        /// <summary>Counts an accepted post; returns how many this conversation has had.</summary>
        public int Accept(string conversation)
        {
            var unixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            total++;
            if (firstAt == 0) firstAt = unixMs;
            var count = posts[conversation] = posts.GetValueOrDefault(conversation) + 1;
            if (count == 1) lastNewAt = unixMs;
            return count;
        }

        public Stats Stats() => new(total, posts.Count, posts.Values.Count(n => n > 1), Throttled, firstAt, lastNewAt);
    }

    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gate = new Lock();
        var accepted = new Dictionary<string, Queue<long>>(StringComparer.Ordinal);
        var tenants = new Dictionary<string, Tally>(StringComparer.Ordinal);

        app.MapPost("/{tenant}/v3/conversations/{conversation}/activities", (string tenant, string conversation) =>
        {
            var now = Stopwatch.GetTimestamp();
            lock (gate)
            {
                if (!tenants.TryGetValue(tenant, out var tally)) tenants[tenant] = tally = new Tally();
                var conversationCalls = Calls(accepted, $"c:{tenant}/{conversation}", now, PerConversation);
                var tenantCalls = Calls(accepted, $"t:{tenant}", now, PerTenant);
                var wait = Max(Wait(conversationCalls, PerConversation, now), Wait(tenantCalls, PerTenant, now));
                if (wait > TimeSpan.Zero)
                {
                    tally.Throttled++;
                    var response = Results.Json(new { error = new { code = "Throttled", message = "Too many requests" } }, statusCode: 429);
                    // Retry-After is whole seconds on the wire: round up, so obeying it is always enough.
                    return new RetryAfterResult(response, (int)Math.Ceiling(wait.TotalSeconds));
                }
                conversationCalls.Enqueue(now);
                tenantCalls.Enqueue(now);
                return Results.Json(new { id = $"{conversation}-{tally.Accept(conversation)}" }, statusCode: 201);
            }
        });
        app.MapGet("/stats/{tenant}", (string tenant) =>
        {
            lock (gate) return (tenants.GetValueOrDefault(tenant) ?? new Tally()).Stats();
        });
        await app.RunAsync();
        return 0;
    }

    /// <summary>The accepted calls still inside the longest window of <paramref name="limits"/>.</summary>
    private static Queue<long> Calls(Dictionary<string, Queue<long>> accepted, string key, long now, (int Count, TimeSpan Window)[] limits)
    {
        if (!accepted.TryGetValue(key, out var calls)) accepted[key] = calls = new Queue<long>();
        var longest = limits.Max(l => l.Window);
        while (calls.Count > 0 && Stopwatch.GetElapsedTime(calls.Peek(), now) >= longest) calls.Dequeue();
        return calls;
    }

    /// <summary>How long until one more call fits every window; zero when it fits now.</summary>
    private static TimeSpan Wait(Queue<long> calls, (int Count, TimeSpan Window)[] limits, long now)
    {
        var wait = TimeSpan.Zero;
        var ages = calls.Select(t => Stopwatch.GetElapsedTime(t, now)).ToArray(); // oldest first
        foreach (var (count, window) in limits)
        {
            var inWindow = ages.Where(a => a < window).ToArray();
            // The call that must leave the window before another fits is the count-th most recent.
            if (inWindow.Length >= count) wait = Max(wait, window - inWindow[inWindow.Length - count]);
        }
        return wait;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class RetryAfterResult(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(http);
        }
    }
}
