using System.Diagnostics;
using CmBot.Tests.Support;
using Xunit.Abstractions;

namespace CmBot.Tests.EndToEnd;

/// <summary>
/// The newcomer's first minutes, in Microsoft's own Teams emulator (Agents Playground) rendered by
/// Debian's Chromium: help, drafts, approve, edit, numbers. Screenshots of each step are kept in
/// TestResults/playground.
/// </summary>
public sealed class PlaygroundTests(ITestOutputHelper output)
{
    [Requires("/usr/bin/chromium", "apt-get install -y chromium")]
    public async Task Newcomer_ChatsWithCmBot_InThePlayground()
    {
        await NodePeers.EnsureInstalledAsync();
        await using var bot = await HostProcess.StartAsync(new Dictionary<string, string> { ["Demo:Seed"] = "true" });
        var artifacts = Repository.PathOf("TestResults", "playground");
        if (Directory.Exists(artifacts)) Directory.Delete(artifacts, recursive: true);

        var start = new ProcessStartInfo("node", [Path.Combine(NodePeers.Folder, "playground.mjs"),
            "--bot", new Uri(bot.BaseAddress, "/api/messages").ToString(), "--out", artifacts]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var driver = Process.Start(start)!;
        var stdout = driver.StandardOutput.ReadToEndAsync();
        var stderr = driver.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await driver.WaitForExitAsync(limit.Token);

        output.WriteLine(await stdout);
        output.WriteLine(await stderr);
        Assert.True(driver.ExitCode == 0, $"playground scenario failed:\n{await stdout}\n--- bot log ---\n{bot.Log}");
        Assert.Contains("6 passed, 0 failed", await stdout);
    }
}
