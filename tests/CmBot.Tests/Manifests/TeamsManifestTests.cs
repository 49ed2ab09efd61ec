using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using CmBot.Tests.Support;

namespace CmBot.Tests.Manifests;

public sealed class TeamsManifestTests
{
    private static string Manifest => Repository.PathOf("manifests", "teams", "manifest.json");

    [Fact]
    public async Task Manifest_IsValidAgainstTheSchemaOfItsVersion_FromMicrosoftsPackage()
    {
        var errors = JsonSerializer.Deserialize<string[]>(await NodePeers.RunScriptAsync("validate-manifest.cjs", Manifest));

        Assert.Empty(errors!);
    }

    [Fact]
    public async Task Validation_CatchesABrokenManifest()
    {
        var broken = Path.GetTempFileName();
        File.WriteAllText(broken, File.ReadAllText(Manifest).Replace("\"accentColor\": \"#2E6BE6\"", "\"accentColor\": \"blue\""));

        var errors = JsonSerializer.Deserialize<string[]>(await NodePeers.RunScriptAsync("validate-manifest.cjs", broken));

        Assert.Contains(errors!, e => e.Contains("accentColor"));
        File.Delete(broken);
    }

    [Fact]
    public void Bot_ServesTeamGroupChatAndPersonal_WithTheMainCommands()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Manifest));
        var bot = manifest.RootElement.GetProperty("bots")[0];
        var commands = bot.GetProperty("commandLists")[0].GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString());

        Assert.Equal(["team", "groupChat", "personal"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["help", "numbers", "drafts", "agenda", "comments"], commands);
    }

    [Fact]
    public void Icons_AreA192ColourIconAndA32TransparentWhiteOutline()
    {
        var color = Png.Read(Repository.PathOf("manifests", "teams", "color.png"));
        var outline = Png.Read(Repository.PathOf("manifests", "teams", "outline.png"));

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.All(outline.Pixels, p => Assert.True(p.A == 0 || (p.R, p.G, p.B) == (255, 255, 255), $"outline pixel {p} is neither transparent nor white"));
        Assert.Contains(outline.Pixels, p => p.A == 0);
    }

    [Fact]
    public void PackageScript_FillsTheAppIdAndZipsManifestAndIconsAtTheRoot()
    {
        var zip = Path.Combine(Path.GetTempPath(), $"cmbot-teams-{Guid.NewGuid():N}.zip");
        var appId = "8f4c2a91-3b6e-4d57-9a10-6c2e7f1b3d45";
        using (var script = Process.Start(new ProcessStartInfo("bash", [Repository.PathOf("manifests", "teams", "package.sh"), appId, zip]) { RedirectStandardOutput = true })!)
        {
            script.WaitForExit(30_000);
            Assert.Equal(0, script.ExitCode);
        }

        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["manifest.json", "color.png", "outline.png"], archive.Entries.Select(e => e.FullName));
        using var manifest = JsonDocument.Parse(archive.GetEntry("manifest.json")!.Open());
        Assert.Equal(appId, manifest.RootElement.GetProperty("id").GetString());
        Assert.Equal(appId, manifest.RootElement.GetProperty("bots")[0].GetProperty("botId").GetString());
        File.Delete(zip);
    }
}
