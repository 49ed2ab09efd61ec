using System.Text.Json.Nodes;
using CmBot.Domain.Brands;
using CmBot.Domain.Demo;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Tests.Teams;

/// <summary>A CSV sent to the bot in a personal chat (file.download.info) is fetched from its downloadUrl and imported.</summary>
public sealed class TeamsFileImportTests
{
    private const string TwoBadRows = "date,network,metric,value\n2020-03-02,facebook,followers,1200\n2020-03-02,myspace,followers,3\n"
        + "2020-03-03,facebook,followers,1210\n2020-03-03,x,clicks,-3\n2020-03-03,x,impressions,900\n";

    private static async Task<TeamsTestHost> StartAsync()
    {
        var host = await TeamsTestHost.StartAsync();
        await host.InStoreAsync(async db =>
        {
            var brand = await db.Brands.Include(b => b.Members).SingleAsync(b => b.Name == DemoData.BrandName);
            brand.Members.Add(new BrandMember { UserId = TeamsActivities.User, Name = TeamsActivities.UserName, IsAdmin = true });
            return await db.SaveChangesAsync();
        });
        return host;
    }

    /// <summary>The sample, its file served by the fake connector at <paramref name="downloadUrl"/>.</summary>
    private static JsonObject FileMessage(TeamsTestHost host, string downloadUrl, string name = "november.csv", string fileType = "csv")
    {
        var activity = host.Sample("teams-personal-message-file.json");
        activity["id"] = "f:" + Guid.NewGuid();
        var file = activity["attachments"]![0]!.AsObject();
        file["name"] = name;
        file["content"]!["downloadUrl"] = downloadUrl;
        file["content"]!["fileType"] = fileType;
        return activity;
    }

    private static Task<int> ImportedAsync(TeamsTestHost host) => host.InStoreAsync(db => db.MetricSamples.CountAsync(s => s.Day.Year == 2020));

    [Fact]
    public async Task PersonalChat_CsvFile_IsFetchedWithoutAToken_AndImported_WithItsBadLinesNamed()
    {
        await using var host = await StartAsync();
        var url = host.Connector.AddFile("/personal/priya/november.csv", TwoBadRows);

        await host.PostAsync(FileMessage(host, url));

        var reply = await host.Connector.WaitForAsync(c => c.Method == "POST");
        Assert.Contains("november.csv (cmbot) : 3 lignes importées : 3 chiffres ajoutés", reply.Body);
        Assert.Contains("- ligne 3 : network 'myspace'", reply.Body);
        Assert.Contains("- ligne 5 : value '-3' is negative", reply.Body);
        var fetch = Assert.Single(host.Connector.Activities, c => c.Method == "GET");
        Assert.Null(fetch.Authorization);
        Assert.Equal(3, await ImportedAsync(host));
    }

    [Fact]
    public async Task DownloadUrl_NotHttps_IsRefusedBeforeAnyRequest()
    {
        await using var host = await StartAsync();

        await host.PostAsync(FileMessage(host, "http://files.example.invalid/november.csv?tempauth=x"));

        var reply = await host.Connector.WaitForAsync(c => c.Method == "POST");
        Assert.Contains("je ne récupère les fichiers que sur la plateforme", reply.Body);
        Assert.DoesNotContain(host.Connector.Activities, c => c.Method == "GET");
        Assert.Equal(0, await ImportedAsync(host));
    }

    [Fact]
    public async Task NonCsvFile_WithoutText_IsIgnored()
    {
        await using var host = await StartAsync();
        var url = host.Connector.AddFile("/personal/priya/logo.png", "not a table");

        await host.PostAsync(FileMessage(host, url, "logo.png", "png"));
        await host.PostAsync(TeamsActivities.Message(host.ServiceUrl, "aide", "a:1Lw3personalChatWithPriya"));

        await host.Connector.WaitForAsync(c => c.Method == "POST");
        await Task.Delay(500); // room for a wrong second answer to show up
        Assert.Single(host.Connector.Activities, c => c.Method == "POST");
        Assert.DoesNotContain(host.Connector.Activities, c => c.Method == "GET");
    }
}
