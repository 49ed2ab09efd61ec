using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CmBot.Domain.Store;
using Microsoft.Data.Sqlite;

namespace CmBot.Tests.Support;

/// <summary>
/// The real bot as its own process (the binary `dotnet run` starts), on a free loopback port with a
/// private SQLite file, in Development. Ended by PID when disposed.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringWriter log = new();

    private HostProcess(Process process, int port, string databasePath)
    {
        this.process = process;
        Port = port;
        DatabasePath = databasePath;
    }

    public int Port { get; }
    public string DatabasePath { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public string Log { get { lock (log) return log.ToString(); } }

    public static async Task<HostProcess> StartAsync(IDictionary<string, string>? settings = null, string? databasePath = null)
    {
        databasePath ??= Path.Combine(Path.GetTempPath(), $"cmbot-process-{Guid.NewGuid():N}.db");
        for (var attempt = 1; ; attempt++)
        {
            var host = Launch(FreePort(), settings, databasePath);
            try
            {
                await host.WaitHealthyAsync(TimeSpan.FromSeconds(60));
                return host;
            }
            catch (InvalidOperationException) when (attempt < 3 && host.Log.Contains("address already in use"))
            {
                // The free port was taken by another test between our probe and the child's bind: take another.
                host.process.Dispose();
            }
        }
    }

    private static HostProcess Launch(int port, IDictionary<string, string>? settings, string databasePath)
    {
        var start = new ProcessStartInfo("dotnet", [BinaryPath()]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Store__ConnectionString"] = $"Data Source={databasePath}";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key.Replace(":", "__")] = value;
        var host = new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), port, databasePath);
        host.process.OutputDataReceived += (_, e) => host.Append(e.Data);
        host.process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The CmBot binary built beside this test assembly's configuration (Debug or Release).</summary>
    private static string BinaryPath()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Repository.PathOf("src", "CmBot", "bin", configuration, "net10.0", "CmBot.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/CmBot first", path);
    }

    private async Task WaitHealthyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                process.WaitForExit(); // Drains the redirected output, so the log says why.
                throw new InvalidOperationException($"CmBot exited with {process.ExitCode}:\n{Log}");
            }
            try
            {
                if ((await http.GetAsync(new Uri(BaseAddress, "/healthz"))).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"CmBot not healthy after {limit}:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (log) log.WriteLine(line);
    }

    /// <summary>kill -9: no shutdown, no flush; what was committed is all that survives.</summary>
    public void KillHard() => process.Kill(entireProcessTree: true);

    /// <summary>Until the process is gone, so nothing of it still holds the database when the next one opens it.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => process.WaitForExitAsync(cancellationToken);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in SqliteFiles.Of(DatabasePath).Where(File.Exists)) File.Delete(file);
    }
}
