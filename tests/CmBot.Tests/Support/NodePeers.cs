using System.Diagnostics;

namespace CmBot.Tests.Support;

/// <summary>
/// The real peers that ship on npm (Adaptive Cards renderer, Teams manifest schemas, the Agents Playground),
/// installed once into tests/e2e from its lock file, and scripts run against them.
/// </summary>
public static class NodePeers
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string Folder => Repository.PathOf("tests", "e2e");

    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(Folder, "node_modules", "adaptivecards"))) return;
            var (code, output) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], TimeSpan.FromMinutes(5));
            if (code != 0) throw new InvalidOperationException("npm ci in tests/e2e failed: " + output);
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Runs one of tests/e2e's scripts with node; returns what it printed on stdout.</summary>
    public static async Task<string> RunScriptAsync(string script, params string[] arguments)
    {
        await EnsureInstalledAsync();
        var (code, output) = await RunAsync("node", [Path.Combine(Folder, script), .. arguments], TimeSpan.FromMinutes(1));
        if (code != 0) throw new InvalidOperationException($"node {script} exited {code}: {output}");
        return output;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} took longer than {limit}");
        }
        var output = await stdout;
        return (process.ExitCode, process.ExitCode == 0 ? output : output + await stderr);
    }
}
