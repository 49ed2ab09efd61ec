using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CmBot.Domain.Store;

namespace CmBot.Bench;

/// <summary>A server the bench started, on a free loopback port; ended by PID when disposed. Memory read from /proc.</summary>
public sealed class ChildProcess(Process process, int port) : IAsyncDisposable
{
    public int Port { get; } = port;

    public static async Task<ChildProcess> StartAsync(string dll, IEnumerable<string> arguments, IDictionary<string, string>? environment, int port, string readyPath)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) Console.Error.WriteLine(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"{dll} exited with {process.ExitCode}");
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}{readyPath}");
                return new ChildProcess(process, port);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{dll} did not answer on port {port}");
    }

    /// <summary>CmBot in local development mode (no app id: unsigned loopback requests) on its own SQLite file, logging warnings only.</summary>
    public static Task<ChildProcess> StartBotAsync(string binary, int port, string database, IDictionary<string, string>? settings = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Store__ConnectionString"] = $"Data Source={database}",
            ["Demo__Seed"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        return StartAsync(binary, [], environment, port, "/healthz");
    }

    /// <summary>
    /// Memory in MiB: resident (VmRSS, which counts the mapped framework DLLs shared with every .NET process)
    /// and private (RssAnon + RssShmem: heaps, JIT code, loader heaps: what this process alone costs).
    /// </summary>
    public Memory MemoryMiB()
    {
        var status = File.ReadAllLines($"/proc/{process.Id}/status");
        double Read(string key) => double.Parse(status.First(l => l.StartsWith(key)).Split(':')[1].Trim().Split(' ')[0]) / 1024;
        return new Memory(Read("VmRSS"), Read("RssAnon") + Read("RssShmem"));
    }

    /// <summary>CPU time this process has used so far, user and kernel (/proc/PID/stat, in clock ticks of 10 ms).</summary>
    public TimeSpan Cpu()
    {
        var fields = File.ReadAllText($"/proc/{process.Id}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return TimeSpan.FromMilliseconds((long.Parse(fields[11]) + long.Parse(fields[12])) * 10);
    }

    public readonly record struct Memory(double Resident, double Private)
    {
        public static Memory Max(Memory a, Memory b) => new(Math.Max(a.Resident, b.Resident), Math.Max(a.Private, b.Private));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A SQLite store and its log files: a killed bot leaves its log behind, hundreds of MB after a bench.</summary>
    public static void DeleteStore(string database)
    {
        foreach (var file in SqliteFiles.Of(database)) File.Delete(file);
    }

    private bool disposed;

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
