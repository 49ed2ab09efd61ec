using System.Diagnostics;

namespace CmBot.Bench;

/// <summary>Two ways to load an endpoint: as fast as it goes (closed loop) and at a fixed rate (open loop).</summary>
public static class Load
{
    public sealed record Result(int Requests, int Failures, double Seconds, double[] LatenciesMs)
    {
        public double PerSecond => (Requests - Failures) / Seconds;
        public double Percentile(double p)
        {
            if (LatenciesMs.Length == 0) return double.NaN;
            var sorted = LatenciesMs.Order().ToArray();
            return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
        }
    }

    public static HttpClient Client(int connections) => new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// <paramref name="workers"/> loops, each sending its next request when the last one answered, for
    /// <paramref name="duration"/> and at least <paramref name="minimum"/> requests.
    /// </summary>
    public static async Task<Result> SaturateAsync(HttpClient http, Target target, int workers, TimeSpan duration, int minimum = 0)
    {
        var latencies = new List<double>();
        int count = 0, failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (clock.Elapsed < duration || Volatile.Read(ref count) < minimum)
            {
                var i = Interlocked.Increment(ref count);
                var (ok, ms) = await SendAsync(http, target, i);
                if (!ok) Interlocked.Increment(ref failures);
                lock (latencies) latencies.Add(ms);
            }
        }));
        return new Result(count, failures, clock.Elapsed.TotalSeconds, [.. latencies]);
    }

    /// <summary>
    /// One request every 1/rate seconds whatever happens; latency counts from when the request was due,
    /// so a stalled server cannot hide its queue (no coordinated omission).
    /// </summary>
    public static async Task<Result> AtRateAsync(HttpClient http, Target target, int rate, TimeSpan duration)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                var (ok, _) = await SendAsync(http, target, index);
                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
                if (!ok) Interlocked.Increment(ref failures);
            }));
        }
        await Task.WhenAll(tasks);
        return new Result(total, failures, clock.Elapsed.TotalSeconds, latencies);
    }

    private static async Task<(bool Ok, double Ms)> SendAsync(HttpClient http, Target target, int i)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(target.Request(i));
            return (response.IsSuccessStatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return (false, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
