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
        await using var bot = await ChildProcess.StartBotAsync(options.BotBinary, botPort, database, new Dictionary<string, string>
        {
            ["Slack__SigningSecret"] = Target.SlackSigningSecret,
            ["Slack__BotToken"] = "xoxb-bench",
            ["Slack__ApiBaseUrl"] = $"http://127.0.0.1:{connectorPort}/api/",
        });
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
        long answered = 0;
        foreach (var (target, server) in new[]
        {
            (Target.TeamsMessages("baseline /api/messages", baselinePort, connectorPort), baseline),
            (Target.TeamsMessages("CmBot /api/messages", botPort, connectorPort), bot),
            (Target.TeamsMessages("baseline /api/messages (again)", baselinePort, connectorPort), baseline),
            (Target.SlackMentions("CmBot /slack/events", botPort), bot),
        })
        {
            // The warm-up also meets every conversation once: what is measured is a bot that knows its conversations.
            var (warmUp, _) = await MeasureAsync(http, target, connectorPort, options.Concurrency, TimeSpan.FromSeconds(options.WarmUpSeconds), target.Spread);
            answered += warmUp.Requests - warmUp.Failures;
            var cpu = server.Cpu();
            var (saturated, endToEnd) = await MeasureAsync(http, target, connectorPort, options.Concurrency, duration);
            var cpuPerReply = (server.Cpu() - cpu).TotalMicroseconds / (saturated.Requests - saturated.Failures);
            var before = await CallsAsync(http, connectorPort);
            var paced = await Load.AtRateAsync(http, target, options.Rate, duration);
            await DeliveredAsync(http, connectorPort, before + paced.Requests - paced.Failures);
            rows.Add(new Row(target.Name, saturated, endToEnd, cpuPerReply, paced));
        }
        var delivered = await CallsAsync(http, connectorPort);
        sampling.Cancel();
        await sampler;

        answered += rows.Sum(r => r.Saturated.Requests - r.Saturated.Failures + r.Paced.Requests - r.Paced.Failures);
        Print(rows, options, (idle, peak), (baselineIdle, baselinePeak), startupMs, (delivered, answered));
        await bot.DisposeAsync();
        ChildProcess.DeleteStore(database);
        return 0;
    }

    /// <param name="EndToEnd">Requests per second counted until the last reply reached the connector: CmBot answers
    /// first and sends after (outbox), so its answered rate alone would flatter it.</param>
    /// <param name="CpuPerReply">The server's own CPU time (user and kernel) over the saturated phase, per request
    /// answered, in µs: steadier than the throughput, which also depends on how fast the machine is that minute.</param>
    private sealed record Row(string Name, Load.Result Saturated, double EndToEnd, double CpuPerReply, Load.Result Paced);

    private static async Task<(Load.Result Saturated, double EndToEnd)> MeasureAsync(HttpClient http, Target target, int connectorPort, int concurrency, TimeSpan duration, int minimum = 0)
    {
        var before = await CallsAsync(http, connectorPort);
        var clock = Stopwatch.StartNew();
        var saturated = await Load.SaturateAsync(http, target, concurrency, duration, minimum);
        var answered = saturated.Requests - saturated.Failures;
        await DeliveredAsync(http, connectorPort, before + answered);
        return (saturated, answered / clock.Elapsed.TotalSeconds);
    }

    private static async Task<long> CallsAsync(HttpClient http, int connectorPort) =>
        long.Parse(await http.GetStringAsync($"http://127.0.0.1:{connectorPort}/calls"));

    /// <summary>Waits until the connector has received <paramref name="expected"/> calls in all (one reply per answered request).</summary>
    private static async Task DeliveredAsync(HttpClient http, int connectorPort, long expected)
    {
        var deadline = Stopwatch.StartNew();
        while (await CallsAsync(http, connectorPort) < expected)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException($"replies still missing after 2 minutes (expected {expected} connector calls)");
            await Task.Delay(20);
        }
    }

    private static void Print(List<Row> rows, Options options, (ChildProcess.Memory Idle, ChildProcess.Memory Peak) bot,
        (ChildProcess.Memory Idle, ChildProcess.Memory Peak) baseline, double startupMs, (long Received, long Answered) connectorCalls)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine($"CmBot bench · {DateTime.UtcNow:yyyy-MM-dd} · {Environment.ProcessorCount} cores · {options.Seconds} s per phase · {options.Concurrency} connections");
        Console.WriteLine();
        Console.WriteLine("| endpoint | saturated: answered req/s | replied req/s (end to end) | server CPU µs/reply | p50 ms | p99 ms | at {0} req/s: p50 ms | p99 ms | failures |", options.Rate);
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
            Console.WriteLine(string.Format(c, "| {0} | {1:F0} | {2:F0} | {3:F0} | {4:F1} | {5:F1} | {6:F1} | {7:F1} | {8} |", row.Name, row.Saturated.PerSecond, row.EndToEnd,
                row.CpuPerReply, row.Saturated.Percentile(50), row.Saturated.Percentile(99), row.Paced.Percentile(50), row.Paced.Percentile(99),
                row.Saturated.Failures + row.Paced.Failures));
        Console.WriteLine();
        for (var i = 0; i + 1 < rows.Count; i += 2)
        {
            var (floor, measured) = (rows[i], rows[i + 1]);
            var throughput = measured.EndToEnd / floor.EndToEnd;
            var tail = measured.Paced.Percentile(99) / floor.Paced.Percentile(99);
            Console.WriteLine(string.Format(c, "{0}: end-to-end throughput ratio {1:F2} (target ≥ 0.50) {2} · p99 ratio at {3} req/s {4:F2} (target ≤ 2.00) {5}",
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
        Console.WriteLine($"connector calls received: {connectorCalls.Received} for {connectorCalls.Answered} answered requests (baseline and CmBot, warm-ups included)");
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";
}
