using System.Text.Json.Nodes;
using CmBot.Domain.Brands;
using CmBot.Domain.Demo;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Tests.Slack;

/// <summary>A CSV shared with the bot (file_share in a DM, or a mention with a file) is fetched with the bot token and imported.</summary>
public sealed class SlackFileImportTests : IAsyncLifetime
{
    private const string Admin = "U03PRIYA9RM";
    private const string NotAdmin = "U09OTHER001";
    private const string TwoBadRows = "date,network,metric,value\n2020-03-02,facebook,followers,1200\n2020-03-02,myspace,followers,3\n"
        + "2020-03-03,facebook,followers,1210\n2020-03-03,x,clicks,-3\n2020-03-03,x,impressions,900\n";

    private SlackHost host = null!;

    public async Task InitializeAsync()
    {
        host = await SlackHost.StartAsync();
        host.Db(db =>
        {
            var brand = db.Brands.Include(b => b.Members).Single(b => b.Name == DemoData.BrandName);
            brand.Members.Add(new BrandMember { UserId = Admin, Name = "Priya", IsAdmin = true });
            return db.SaveChanges();
        });
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>The sample file_share DM, its file served by the fake at <paramref name="url"/>.</summary>
    private static JsonObject FileShare(string eventId, string url, string user = Admin, string name = "november.csv", string mimetype = "text/csv")
    {
        var body = Samples.Json("slack-event-file-share-im.json");
        body["event_id"] = eventId;
        var inner = body["event"]!.AsObject();
        inner["user"] = user;
        inner["ts"] = "1778491500." + eventId[^4..];
        inner["event_ts"] = "1778491500." + eventId[^4..];
        var file = inner["files"]![0]!.AsObject();
        file["url_private_download"] = url;
        file["url_private"] = url;
        (file["name"], file["title"], file["mimetype"], file["filetype"]) = (name, name, mimetype, Path.GetExtension(name).TrimStart('.'));
        return body;
    }

    private int Imported() => host.Db(db => db.MetricSamples.Count(s => s.Day.Year == 2020));

    [Fact]
    public async Task FileShare_CsvWithTwoBadRows_NamesTheBadLines_AndKeepsTheGoodRows()
    {
        var url = host.Api.AddFile("T04CMTY7Q2N-F08CSVNOV01/download/november.csv", TwoBadRows);

        await host.PostEventAsync(FileShare("Ev08FILE0001", url));

        var post = Assert.Single(await host.Api.WaitForAsync("chat.postMessage"));
        var text = post.Json.GetProperty("text").GetString()!;
        Assert.Equal("D0CMBOTDM01", post.Json.GetProperty("channel").GetString());
        Assert.Contains("november.csv (cmbot) : 3 lignes importées : 3 chiffres ajoutés, 0 modifiés, 0 inchangés.", text);
        Assert.Contains("- ligne 3 : network 'myspace'", text);
        Assert.Contains("- ligne 5 : value '-3' is negative", text);
        Assert.Equal(3, Imported());
        var fetch = Assert.Single(host.Api.CallsTo("file"));
        Assert.Equal("Bearer " + SlackHost.BotToken, fetch.Authorization);
    }

    [Fact]
    public async Task SameFileAgain_ChangesNothing()
    {
        var url = host.Api.AddFile("T04CMTY7Q2N-F08CSVNOV01/download/november.csv", TwoBadRows);
        await host.PostEventAsync(FileShare("Ev08FILE0001", url));
        await host.Api.WaitForAsync("chat.postMessage");
        var before = host.Db(db => db.MetricSamples.AsNoTracking().Where(s => s.Day.Year == 2020).OrderBy(s => s.Id).Select(s => new { s.Id, s.Value }).ToList());

        await host.PostEventAsync(FileShare("Ev08FILE0002", url));

        var second = (await host.Api.WaitForAsync("chat.postMessage", 2))[1];
        Assert.Contains("3 lignes importées : 0 chiffres ajoutés, 0 modifiés, 3 inchangés.", second.Json.GetProperty("text").GetString());
        Assert.Equal(before, host.Db(db => db.MetricSamples.AsNoTracking().Where(s => s.Day.Year == 2020).OrderBy(s => s.Id).Select(s => new { s.Id, s.Value }).ToList()));
    }

    [Fact]
    public async Task NonAdmin_IsRefused_AndNothingIsImported()
    {
        var url = host.Api.AddFile("T04CMTY7Q2N-F08CSVNOV01/download/november.csv", TwoBadRows);

        await host.PostEventAsync(FileShare("Ev08FILE0003", url, user: NotAdmin));

        var post = Assert.Single(await host.Api.WaitForAsync("chat.postMessage"));
        Assert.Equal($"Seuls les administrateurs de {DemoData.BrandName} peuvent importer des chiffres.", post.Json.GetProperty("text").GetString());
        Assert.Equal(0, Imported());
    }

    [Fact]
    public async Task FileShare_OfANonCsvFile_IsIgnored()
    {
        var url = host.Api.AddFile("T04CMTY7Q2N-F08PNG00001/download/logo.png", "not a table", "image/png");

        await host.PostEventAsync(FileShare("Ev08FILE0004", url, name: "logo.png", mimetype: "image/png"));
        await host.PostEventAsync(SlackHost.Mention("aide", "Ev08HELP0001")); // a later event, to know the first was handled

        var post = Assert.Single(await host.Api.WaitForAsync("chat.postMessage"));
        Assert.Equal("C05DRAFTS01", post.Json.GetProperty("channel").GetString());
        Assert.Empty(host.Api.CallsTo("file"));
    }

    [Fact]
    public async Task MentionWithACsv_InAChannel_ImportsIt()
    {
        var url = host.Api.AddFile("T04CMTY7Q2N-F08CSVNOV02/download/export.csv", TwoBadRows);
        var mention = SlackHost.Mention("metrics import", "Ev08MENT0001", user: Admin);
        mention["event"]!["files"] = FileShare("Ev08XXXX0000", url)["event"]!["files"]!.DeepClone();

        await host.PostEventAsync(mention);

        var post = Assert.Single(await host.Api.WaitForAsync("chat.postMessage"));
        Assert.Equal("C05DRAFTS01", post.Json.GetProperty("channel").GetString());
        Assert.Contains("3 lignes importées", post.Json.GetProperty("text").GetString());
        Assert.Equal(3, Imported());
    }

    [Fact]
    public async Task BotToken_GoesOnlyToTheFileHost()
    {
        await using var elsewhere = await FakeSlackApi.StartAsync();
        var foreign = elsewhere.AddFile("T04CMTY7Q2N-F08CSVNOV01/download/november.csv", TwoBadRows);
        var redirecting = host.Api.AddFile("T04CMTY7Q2N-F08CSVNOV03/download/moved.csv", "");
        host.Api.Files["T04CMTY7Q2N-F08CSVNOV03/download/moved.csv"] = () => Results.Redirect(foreign);

        await host.PostEventAsync(FileShare("Ev08FILE0005", foreign));
        await host.PostEventAsync(FileShare("Ev08FILE0006", redirecting, name: "moved.csv"));

        var posts = await host.Api.WaitForAsync("chat.postMessage", 2);
        Assert.Contains("je ne récupère les fichiers que sur la plateforme", posts[0].Json.GetProperty("text").GetString());
        Assert.Contains("je n'ai pas pu récupérer le fichier", posts[1].Json.GetProperty("text").GetString());
        Assert.Empty(elsewhere.Calls);
        Assert.Equal(0, Imported());
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(SlackHost.BotToken));
    }
}
