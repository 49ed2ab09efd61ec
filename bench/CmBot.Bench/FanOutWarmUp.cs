using System.Net.Http.Json;

namespace CmBot.Bench;

/// <summary>
/// On a Monday at 09:30 CmBot has been up for days, not seconds: before the slot, ordinary Teams traffic (`help` in
/// personal chats of another tenant, each answered with a card through the same outbox, dispatcher and sender) warms
/// the process as the other phases' warm-ups do. It stops early enough for its replies to be sent before the slot,
/// and the other tenant keeps it out of the fan-out tenant's limits and figures.
/// </summary>
public static class FanOutWarmUp
{
    public const string Tenant = "warmup-tenant";
    public const int PerSecond = 20;
    private const int Conversations = 20;

    /// <summary>Long enough for tiered compilation to settle on the hot paths.</summary>
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);
    /// <summary>Its replies are sent by then, and the connector's 1 s windows are clear.</summary>
    private static readonly TimeSpan StopBefore = TimeSpan.FromSeconds(4);

    /// <summary>Warms up for <see cref="Duration"/> (less if CmBot was slow to start), ending <see cref="StopBefore"/> the slot.</summary>
    /// <returns>How many messages were sent.</returns>
    public static async Task<int> RunAsync(HttpClient http, int botPort, int connectorPort, DateTimeOffset slot)
    {
        var (from, until) = (slot - StopBefore - Duration, slot - StopBefore);
        if (from - DateTimeOffset.UtcNow is { } idle && idle > TimeSpan.Zero) await Task.Delay(idle);
        var sent = 0;
        var tasks = new List<Task<HttpResponseMessage>>();
        for (var next = DateTimeOffset.UtcNow; next < until; next += TimeSpan.FromSeconds(1.0 / PerSecond), sent++)
        {
            if (next - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero) await Task.Delay(wait);
            tasks.Add(http.PostAsJsonAsync($"http://127.0.0.1:{botPort}/api/messages", Help(sent, connectorPort)));
        }
        foreach (var response in await Task.WhenAll(tasks)) response.Dispose();
        return sent;
    }

    private static object Help(int i, int connectorPort) => new
    {
        type = "message",
        id = $"warmup-{Guid.NewGuid():N}",
        timestamp = DateTimeOffset.UtcNow.ToString("O"),
        channelId = "msteams",
        serviceUrl = $"http://127.0.0.1:{connectorPort}/{Tenant}/",
        from = new { id = $"29:warmup-user-{i % Conversations}", name = "Warm-up" },
        recipient = new { id = "28:bench-bot", name = "CmBot" },
        conversation = new { id = $"a:warmup-{i % Conversations}", conversationType = "personal" },
        text = "help",
        channelData = new { tenant = new { id = Tenant } },
    };
}
