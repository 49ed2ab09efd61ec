using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using CmBot.Domain;
using CmBot.Domain.Cards;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Delivery;
using CmBot.Domain.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Bench;

/// <summary>
/// "numbers" for a brand with a million metric samples and a million comments in SQLite: the path a chat message
/// takes once the adapter has parsed it (ConversationService: brand lookup, command, card, outbox row, commit),
/// in this process on a seeded file, one message at a time. A typical brand of the same file is measured too.
/// </summary>
public static class NumbersLoad
{
    public const string BigBrand = "Big Brand";
    public const string TypicalBrand = "Typical Brand";
    public const string Channel = "bench";
    public static readonly ChatUser Member = new("u-bench", "Bench");
    private const double TargetMs = 50;
    private const int SettleRounds = 20;
    private const int SettledJit = 20;
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(60);

    /// <summary>A Sunday evening in Paris: "this week" then spans seven full days, the most "numbers" reads.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 19, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(int runs = 200, int warmUps = 20)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cmbot-bench-numbers-{Guid.NewGuid():N}.db");
        var store = new StoreOptions { ConnectionString = $"Data Source={path}" };
        try
        {
            var seeding = Stopwatch.StartNew();
            var seeded = NumbersSeed.Fill(store, Now);
            var seedSeconds = seeding.Elapsed.TotalSeconds;

            await using var services = Services(store);
            var measured = await MeasureAsync(services, runs, warmUps,
                ($"`numbers` · {BigBrand}", NumbersSeed.Room), ($"`numbers` · {TypicalBrand} 1", $"{NumbersSeed.Room}-1"));
            Print(seeded, seedSeconds, new FileInfo(path).Length, measured);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            ChildProcess.DeleteStore(path);
        }
    }

    private static ServiceProvider Services(StoreOptions store)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedClock(Now));
        services.AddCmBotDomain();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(store));
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Each message in its own scope (its own context and transaction), as a request of the host. The rooms take
    /// turns, so that both see the same machine when other work comes and goes. The warm-up lasts at least
    /// <paramref name="warmUps"/> rounds, then until tiered compilation has settled, as in a host that has been
    /// answering for a few minutes: <see cref="SettleRounds"/> rounds that compile fewer than <see cref="SettledJit"/>
    /// methods. A fresh process recompiles some ten thousand methods over its first few hundred answers, which run
    /// partly unoptimized meanwhile; after 20 rounds that was still under way and made most of the p95. At most
    /// <see cref="MaxWarmUp"/>, so a machine too busy to settle still gets measured.
    /// </summary>
    private static async Task<Measured> MeasureAsync(ServiceProvider services, int runs, int warmUps, params (string Name, string Room)[] rooms)
    {
        var cards = new Card[rooms.Length];
        var warming = Stopwatch.StartNew();
        var (rounds, settled) = (0, false);
        while (!settled && (rounds < warmUps || warming.Elapsed < MaxWarmUp))
        {
            var before = JitInfo.GetCompiledMethodCount();
            for (var i = 0; i < SettleRounds; i++, rounds++)
                for (var r = 0; r < rooms.Length; r++) (_, cards[r]) = await SendAsync(services, rooms[r].Room);
            settled = rounds >= warmUps && JitInfo.GetCompiledMethodCount() - before < SettledJit;
        }

        var latencies = rooms.Select(_ => new double[runs]).ToArray();
        var compiled = JitInfo.GetCompiledMethodCount();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
            for (var r = 0; r < rooms.Length; r++) (latencies[r][i], cards[r]) = await SendAsync(services, rooms[r].Room);
        var rows = rooms.Select((room, r) => (room.Name, new Load.Result(runs, 0, total.Elapsed.TotalSeconds, latencies[r]), cards[r])).ToList();
        return new Measured(rows, JitInfo.GetCompiledMethodCount() - compiled, rounds, warming.Elapsed - total.Elapsed);
    }

    /// <summary>What was measured, how many methods the JIT compiled meanwhile, and the warm-up it took.</summary>
    private sealed record Measured(List<(string Name, Load.Result Result, Card Card)> Rows, long Jitted, int WarmUpRounds, TimeSpan WarmUp);

    private static async Task<(double Ms, Card Card)> SendAsync(ServiceProvider services, string room)
    {
        var input = new ChatInput(new ChatAddress(Channel, room), Member, Text: "numbers");
        var started = Stopwatch.GetTimestamp();
        using var scope = services.CreateScope();
        var replies = await scope.ServiceProvider.GetRequiredService<ConversationService>().HandleAsync(input);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        // A refusal would be fast and wrong: only the numbers card counts.
        var card = replies.OfType<CardReply>().SingleOrDefault()?.Card
            ?? throw new InvalidOperationException($"numbers in {room} answered no card: {string.Join(", ", replies)}");
        return (elapsed, card);
    }

    private static void Print(NumbersSeed.Seeded seeded, double seedSeconds, long bytes, Measured measured)
    {
        var rows = measured.Rows;
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Format(c,
            "numbers on SQLite · {0} with {1:N0} metric samples and {2:N0} comments over {3} days · {4:N0} samples and {5:N0} comments in all · seeded in {6:F1} s ({7:F0} MiB)",
            BigBrand, seeded.BigSamples, seeded.BigComments, seeded.Days, seeded.AllSamples, seeded.AllComments, seedSeconds, bytes / 1048576.0));
        Console.WriteLine();
        Console.WriteLine("| message (one at a time, in process) | runs | p50 ms | p95 ms | max ms | card facts | card KB (outbox row) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, result, card) in rows)
            Console.WriteLine(string.Format(c, "| {0} | {1} | {2:F1} | {3:F1} | {4:F1} | {5} | {6:F1} |", name, result.Requests,
                result.Percentile(50), result.Percentile(95), result.LatenciesMs.Max(),
                card.Facts.Count + card.Sections.Sum(s => s.Facts.Count), new OutboundContent(null, card).ToJson().Length / 1024.0));
        Console.WriteLine();
        var (big, typical) = (rows[0].Result.Percentile(95), rows[^1].Result.Percentile(95));
        Console.WriteLine(string.Format(c, "`numbers` p95 for {0}: {1:F1} ms (target < {2:F0} ms) {3} · {4:F1}× the typical brand's p95 in the same run",
            BigBrand, big, TargetMs, big < TargetMs ? "met" : "MISSED", big / typical));
        Console.WriteLine(string.Format(c, "warm-up: {0} rounds in {1:F0} s (until tiered compilation settled) · methods JIT-compiled during the measured runs: {2:N0}",
            measured.WarmUpRounds, measured.WarmUp.TotalSeconds, measured.Jitted));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
