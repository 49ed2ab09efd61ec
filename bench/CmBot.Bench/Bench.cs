using System.Diagnostics;
using System.Globalization;

namespace CmBot.Bench;

/// <summary>
/// Starts a fake connector, the bare baseline and CmBot (each its own process, all on loopback), loads
/// each endpoint the same way in the same run, and prints the figures with CmBot/baseline ratios.
/// </summary>
public static class Bench
{
    public static async Task<int> RunAsync(Options options)
    {
        var self = typeof(Bench).Assembly.Location;
        var connectorPort = ChildProcess.FreePort();
        await using var connector = await ChildProcess.StartAsync(self, ["connector", $"{connectorPort}"], null, connectorPort, "/calls");
        var baselinePort = ChildProcess.FreePort();
        await using var baseline = await ChildProcess.StartAsync(self, ["baseline", $"{baselinePort}", $"{connectorPort}"], null, baselinePort, "/");

        var database = Path.Combine(Path.GetTempPath(), $"cmbot-bench-{Guid.NewGuid():N}.db");
        var botPort = ChildProcess.FreePort();
        var startup = Stopwatch.StartNew();
        await using var bot = await ChildProcess.StartAsync(options.BotBinary, [], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Urls"] = $"http://127.0.0.1:{botPort}",
            ["Store__ConnectionString"] = $"Data Source={database}",
            ["Demo__Seed"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Slack__SigningSecret"] = Target.SlackSigningSecret,
            ["Slack__BotToken"] = "xoxb-bench",
            ["Slack__ApiBaseUrl"] = $"http://127.0.0.1:{connectorPort}/api/",
        }, botPort, "/healthz");
        var startupMs = startup.Elapsed.TotalMilliseconds;
        await Task.Delay(1000);
        var (idle, baselineIdle) = (bot.MemoryMiB(), baseline.MemoryMiB());
        var (peak, baselinePeak) = (idle, baselineIdle);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                (peak, baselinePeak) = (ChildProcess.Memory.Max(peak, bot.MemoryMiB()), ChildProcess.Memory.Max(baselinePeak, baseline.MemoryMiB()));
                await Task.Delay(100);
            }
        });

        using var http = Load.Client(options.Concurrency);
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var rows = new List<Row>();
        foreach (var target in new[]
        {
            Target.TeamsMessages("baseline /api/messages", baselinePort, connectorPort),
            Target.TeamsMessages("CmBot /api/messages", botPort, connectorPort),
            Target.TeamsMessages("baseline /api/messages (again)", baselinePort, connectorPort),
            Target.SlackMentions("CmBot /slack/events", botPort),
        })
        {
            await Load.SaturateAsync(http, target, options.Concurrency, TimeSpan.FromSeconds(options.WarmUpSeconds));
            // Each phase starts from a quiet system: what a previous phase accepted is delivered first.
            await WaitForDeliveriesAsync(http, connectorPort);
            var saturated = await Load.SaturateAsync(http, target, options.Concurrency, duration);
            await WaitForDeliveriesAsync(http, connectorPort);
            var paced = await Load.AtRateAsync(http, target, options.Rate, duration);
            await WaitForDeliveriesAsync(http, connectorPort);
            rows.Add(new Row(target.Name, saturated, paced));
        }
        var delivered = await WaitForDeliveriesAsync(http, connectorPort);
        sampling.Cancel();
        await sampler;

        Print(rows, options, (idle, peak), (baselineIdle, baselinePeak), startupMs, delivered);
        File.Delete(database);
        return 0;
    }

    private sealed record Row(string Name, Load.Result Saturated, Load.Result Paced);

    /// <summary>CmBot answers first and sends after (outbox): wait until the connector stops receiving.</summary>
    private static async Task<long> WaitForDeliveriesAsync(HttpClient http, int connectorPort)
    {
        long last = -1, now = 0;
        for (var quiet = 0; quiet < 3;)
        {
            await Task.Delay(1000);
            now = long.Parse(await http.GetStringAsync($"http://127.0.0.1:{connectorPort}/calls"));
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
        return now;
    }

    private static void Print(List<Row> rows, Options options, (ChildProcess.Memory Idle, ChildProcess.Memory Peak) bot,
        (ChildProcess.Memory Idle, ChildProcess.Memory Peak) baseline, double startupMs, long connectorCalls)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"CmBot bench · {DateTime.UtcNow:yyyy-MM-dd} · {Environment.ProcessorCount} cores · {options.Seconds} s per phase · {options.Concurrency} connections");
        Console.WriteLine();
        Console.WriteLine("| endpoint | saturated req/s | p50 ms | p99 ms | at {0} req/s: p50 ms | p99 ms | failures |", options.Rate);
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
            Console.WriteLine(string.Format(c, "| {0} | {1:F0} | {2:F1} | {3:F1} | {4:F1} | {5:F1} | {6} |", row.Name, row.Saturated.PerSecond,
                row.Saturated.Percentile(50), row.Saturated.Percentile(99), row.Paced.Percentile(50), row.Paced.Percentile(99),
                row.Saturated.Failures + row.Paced.Failures));
        Console.WriteLine();
        for (var i = 0; i + 1 < rows.Count; i += 2)
        {
            var (floor, measured) = (rows[i], rows[i + 1]);
            var throughput = measured.Saturated.PerSecond / floor.Saturated.PerSecond;
            var tail = measured.Paced.Percentile(99) / floor.Paced.Percentile(99);
            Console.WriteLine(string.Format(c, "{0}: throughput ratio {1:F2} (target ≥ 0.50) {2} · p99 ratio at {3} req/s {4:F2} (target ≤ 2.00) {5}",
                measured.Name, throughput, Verdict(throughput >= 0.5), options.Rate, tail, Verdict(tail <= 2)));
        }
        Console.WriteLine(string.Format(c, "memory MiB, private (resident): CmBot idle {0:F0} ({1:F0}), peak {2:F0} ({3:F0}) · baseline idle {4:F0} ({5:F0}), peak {6:F0} ({7:F0})",
            bot.Idle.Private, bot.Idle.Resident, bot.Peak.Private, bot.Peak.Resident,
            baseline.Idle.Private, baseline.Idle.Resident, baseline.Peak.Private, baseline.Peak.Resident));
        // Resident memory counts the framework's DLL images, mapped from disk and shared by every .NET process
        // (the bare baseline alone is over 70 MiB of them); the targets are read on private memory.
        Console.WriteLine(string.Format(c, "CmBot private memory: idle {0:F0} MiB (target < 80) {1} · peak {2:F0} MiB (target < 150) {3}",
            bot.Idle.Private, Verdict(bot.Idle.Private < 80), bot.Peak.Private, Verdict(bot.Peak.Private < 150)));
        Console.WriteLine(string.Format(c, "CmBot start to first healthy /healthz: {0:F0} ms", startupMs));
        var sent = rows.Sum(r => r.Saturated.Requests - r.Saturated.Failures + r.Paced.Requests - r.Paced.Failures);
        Console.WriteLine($"connector calls received: {connectorCalls} for {sent} answered requests (baseline and CmBot, warm-ups included)");
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
