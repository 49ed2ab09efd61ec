using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace CmBot.Bench;

/// <summary>
/// The Monday 09:30 fan-out: the real CmBot binary on a store holding one brand linked to 1,000 Teams channels of
/// one tenant; its own Quartz trigger fires the weekly agenda reminder at the brand's agenda slot (set to the next
/// minute), the outbox sends the card to every channel, and a connector enforcing the documented limits answers
/// 429 past them. Measured from the slot until the last channel received its first post. CmBot is warmed first with
/// ordinary traffic (<see cref="FanOutWarmUp"/>), as a bot that has been up since last week would be.
/// </summary>
public static class FanOut
{
    public const int Channels = 1000;
    /// <summary>teams.md §5.1: all calls of one app in one tenant.</summary>
    public const double TenantPerSecond = 50;
    public const double Target = 1.2;

    public sealed record Result(int Posted, int Doubled, int Lost, int Throttled, (int Sent, int Failed, int Pending) Outbox,
        DateTimeOffset Slot, double FirstPostSeconds, double TotalSeconds, double FloorSeconds, WarmUp WarmUp)
    {
        public double Ratio => TotalSeconds / FloorSeconds;
        public bool Met => Lost == 0 && Doubled == 0 && Ratio <= Target;
    }

    public sealed record WarmUp(double Seconds, int Messages, int Replies);

    public static async Task<Result> RunAsync(Options options)
    {
        var self = typeof(FanOut).Assembly.Location;
        var connectorPort = ChildProcess.FreePort();
        await using var connector = await ChildProcess.StartAsync(self, ["limited-connector", $"{connectorPort}"], null, connectorPort, "/stats/none");
        var database = Path.Combine(Path.GetTempPath(), $"cmbot-fanout-{Guid.NewGuid():N}.db");
        try
        {
            // Enough lead for CmBot to start, schedule the slot and warm up before it falls (a slow start fails loudly below).
            var (brandId, slot) = await FanOutStore.PrepareAsync(database, Channels, connectorPort, TimeSpan.FromSeconds(30));
            var botPort = ChildProcess.FreePort();
            await using var bot = await ChildProcess.StartBotAsync(options.BotBinary, botPort, database);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await RequireScheduledAsync(http, botPort, brandId, slot);
            var warmUpMessages = await FanOutWarmUp.RunAsync(http, botPort, connectorPort, slot);
            var warmUp = new WarmUp(warmUpMessages / (double)FanOutWarmUp.PerSecond, warmUpMessages, 0);
            if (DateTimeOffset.UtcNow >= slot) throw new InvalidOperationException("The warm-up ran past the agenda slot");

            var floor = Channels / TenantPerSecond;
            var deadline = slot + TimeSpan.FromSeconds(Math.Max(60, floor * 4));
            var stats = await StatsAsync(http, connectorPort);
            while (stats.Conversations < Channels && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(200);
                stats = await StatsAsync(http, connectorPort);
            }
            // Anything sent twice would come after the last first post: watch until the connector is quiet.
            for (var quiet = 0; quiet < 3;)
            {
                await Task.Delay(1000);
                var now = await StatsAsync(http, connectorPort);
                quiet = now.Posts == stats.Posts ? quiet + 1 : 0;
                stats = now;
            }
            var outbox = await FanOutStore.OutboxAsync(database);
            warmUp = warmUp with { Replies = (await StatsAsync(http, connectorPort, FanOutWarmUp.Tenant)).Posts };
            double Seconds(long unixMs) => unixMs == 0 ? double.NaN : (DateTimeOffset.FromUnixTimeMilliseconds(unixMs) - slot).TotalSeconds;
            return new Result(stats.Conversations, stats.Doubled, Channels - stats.Conversations, stats.Throttled, outbox, slot,
                Seconds(stats.FirstPostAt), stats.Conversations == Channels ? Seconds(stats.LastNewConversationAt) : double.PositiveInfinity, floor, warmUp);
        }
        finally
        {
            ChildProcess.DeleteStore(database);
        }
    }

    /// <summary>CmBot's own schedule must show the agenda for the slot the store was given; otherwise there is nothing to measure.</summary>
    private static async Task RequireScheduledAsync(HttpClient http, int botPort, int brandId, DateTimeOffset slot)
    {
        var fires = await http.GetFromJsonAsync<JsonElement>($"http://127.0.0.1:{botPort}/api/schedules");
        var agenda = fires.EnumerateArray().FirstOrDefault(f =>
            f.GetProperty("brandId").ValueKind == JsonValueKind.Number && f.GetProperty("brandId").GetInt32() == brandId
            && f.GetProperty("job").GetString() == "agenda");
        var next = agenda.ValueKind == JsonValueKind.Object && agenda.GetProperty("nextFire").GetString() is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : (DateTimeOffset?)null;
        if (next != slot)
            throw new InvalidOperationException($"CmBot scheduled the agenda for {next:O}, not {slot:O} (started too late?)");
        if (DateTimeOffset.UtcNow >= slot)
            throw new InvalidOperationException("CmBot was ready only after the agenda slot; raise the lead time");
    }

    private static async Task<LimitedConnector.Stats> StatsAsync(HttpClient http, int connectorPort, string tenant = FanOutStore.Tenant) =>
        (await http.GetFromJsonAsync<LimitedConnector.Stats>($"http://127.0.0.1:{connectorPort}/stats/{tenant}"))!;

    public static async Task<int> RunAndPrintAsync(Options options)
    {
        Print(await RunAsync(options));
        return 0;
    }

    public static void Print(Result r)
    {
        var c = CultureInfo.InvariantCulture;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(FanOutStore.Zone);
        Console.WriteLine();
        Console.WriteLine(string.Format(c, "Fan-out: the weekly agenda reminder of one brand (fired by CmBot's own trigger at {0:ddd HH:mm} {1}) to {2} Teams channels of one tenant, through the outbox, against a connector enforcing teams.md §5.1 (429 past it)",
            TimeZoneInfo.ConvertTime(r.Slot, zone), FanOutStore.Zone, Channels));
        Console.WriteLine(string.Format(c, "warm-up before the slot: {0:F0} s of ordinary Teams traffic ({1} `help` messages in another tenant, {2} replies)",
            r.WarmUp.Seconds, r.WarmUp.Messages, r.WarmUp.Replies));
        Console.WriteLine(string.Format(c, "posted {0}/{1} · doubled {2} · lost {3} · 429s received {4} · outbox: {5} sent, {6} given up, {7} pending",
            r.Posted, Channels, r.Doubled, r.Lost, r.Throttled, r.Outbox.Sent, r.Outbox.Failed, r.Outbox.Pending));
        // One post per conversation stays far under 7/s per conversation, so the tenant's 50/s alone sets the floor.
        Console.WriteLine(string.Format(c, "first post {0:F2} s after the slot · all posted after {1:F2} s · floor {2:F1} s ({3} posts / {4} per s per tenant) · ratio {5:F2} (target ≤ {6:F2}) {7}",
            r.FirstPostSeconds, r.TotalSeconds, r.FloorSeconds, Channels, TenantPerSecond, r.Ratio, Target, r.Met ? "met" : "MISSED"));
        // A sliding window lets 50 go at once each second, so the last can start a second short of N/50: stricter still.
        var strict = Math.Ceiling(Channels / TenantPerSecond) - 1;
        Console.WriteLine(string.Format(c, "against the strict sliding-window bound, bursts of {0} a second apart (⌈{1}/{0}⌉ − 1 = {2:F0} s): ratio {3:F2}",
            TenantPerSecond, Channels, strict, r.TotalSeconds / strict));
    }
}
