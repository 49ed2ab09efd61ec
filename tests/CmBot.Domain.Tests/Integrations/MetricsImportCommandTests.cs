using CmBot.Domain.Conversations;
using CmBot.Domain.Integrations;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Integrations;

public sealed class MetricsImportCommandTests : IDisposable
{
    private const string TwoBadRows = """
        date,network,metric,value
        2026-11-16,facebook,followers,1200
        2026-11-16,myspace,followers,3
        2026-11-17,facebook,followers,1210
        2026-11-17,x,clicks,-3
        2026-11-17,x,impressions,900
        """;

    private readonly TestStore store = new();
    private readonly FakeAttachments files = new();
    private readonly TestChannel chat;

    public MetricsImportCommandTests()
    {
        chat = new TestChannel(store, ManualClock.Default(), extra: services =>
        {
            services.AddSingleton<IAttachmentReader>(files);
            services.AddSingleton<ICsvTableReader, SimpleCsvReader>();
        });
        chat.WithDb(new BrandBuilder().WithAdmin(Ana).WithApprover(Bob).LinkedTo("test", "room-1").SaveIn);
    }

    private List<(DateOnly, string, double)> Stored() =>
        chat.WithDb(db => db.MetricSamples.AsNoTracking().ToList()).Select(s => (s.Day, s.Metric, s.Value)).OrderBy(s => s).ToList();

    [Fact]
    public async Task Download_HappensOutsideTheTransaction_SoTheStoreStaysWritable()
    {
        // While the file downloads, someone else writes with no patience: a held SQLite write lock would make it fail.
        files.DuringRead = () => chat.WithDb(db =>
        {
            db.Database.ExecuteSqlRaw("PRAGMA busy_timeout = 0;");
            return db.Database.ExecuteSqlRaw("UPDATE \"Brands\" SET \"ReplyDeadlineMinutes\" = 45");
        });

        await chat.Say(Ana, "metrics import", files.Add("november.csv", TwoBadRows));

        Assert.Contains("november.csv", chat.LastText);
        Assert.Equal(45, chat.WithDb(db => db.Brands.Single().ReplyDeadlineMinutes));
    }

    [Fact]
    public async Task Import_ByAdmin_KeepsTheGoodRows_AndNamesTheBadLines()
    {
        await chat.Say(Ana, "metrics import", files.Add("november.csv", TwoBadRows));

        var text = chat.LastText;
        Assert.Contains("november.csv (cmbot): 3 rows imported: 3 figures added, 0 changed, 0 unchanged.", text);
        Assert.Contains("2 bad rows", text);
        Assert.Contains("- line 3: network 'myspace'", text);
        Assert.Contains("- line 5: value '-3' is negative", text);
        Assert.Equal(3, Stored().Count);
    }

    [Fact]
    public async Task Import_SameFileAgain_ChangesNothing()
    {
        await chat.Say(Ana, "metrics import", files.Add("november.csv", TwoBadRows));
        var before = Stored();

        await chat.Say(Ana, "metrics import", files.Add("november.csv", TwoBadRows));

        Assert.Contains("3 rows imported: 0 figures added, 0 changed, 3 unchanged.", chat.LastText);
        Assert.Equal(before, Stored());
    }

    [Fact]
    public async Task Import_ByNonAdmin_IsRefused_AndStoresNothing()
    {
        await chat.Say(Bob, "metrics import", files.Add("november.csv", TwoBadRows));

        Assert.Equal("Only Acme's admins can import numbers.", chat.LastText);
        Assert.Empty(Stored());
    }

    [Fact]
    public async Task FileAlone_OneCsv_IsImported()
    {
        await chat.Say(Ana, "", files.Add("november.csv", TwoBadRows));

        Assert.Contains("3 rows imported", chat.LastText);
        Assert.Equal(3, Stored().Count);
    }

    [Fact]
    public async Task FileAlone_DuringADialog_IsStillAnImport()
    {
        await chat.Say(Ana, "new draft");
        Assert.NotNull(chat.WithDb(db => db.DialogStates.FirstOrDefault()));

        await chat.Say(Ana, "", files.Add("november.csv", TwoBadRows));

        Assert.Contains("3 rows imported", chat.LastText);
    }

    [Fact]
    public async Task ShortForm_WithTwoCsvFiles_AsksForTheFullCommand_AndImportsNothing()
    {
        await chat.Say(Ana, "import", files.Add("a.csv", TwoBadRows), files.Add("b.csv", TwoBadRows));

        Assert.Equal("2 CSV files: say `metrics import` with them to import them all.", chat.LastText);
        Assert.Empty(Stored());

        await chat.Say(Ana, "metrics import", files.Add("a.csv", TwoBadRows), files.Add("b.csv", TwoBadRows.Replace("1200", "1250")));

        Assert.Contains("a.csv (cmbot): 3 rows imported: 3 figures added", chat.LastText);
        Assert.Contains("b.csv (cmbot): 3 rows imported: 0 figures added, 1 changed, 2 unchanged.", chat.LastText);
    }

    [Fact]
    public async Task NonCsvAttachment_IsIgnored()
    {
        await chat.Say(Ana, "metrics import", files.Add("logo.png", "not a table", "image/png"));

        Assert.StartsWith("Attach a CSV file", chat.LastText);
        Assert.Empty(files.Reads);
    }

    [Fact]
    public async Task ManyBadRows_ShowsTheFirstTen_AndCountsTheRest()
    {
        var rows = Enumerable.Range(1, 13).Select(i => $"2026-11-{i:00},facebook,followers,oops");
        await chat.Say(Ana, "metrics import", files.Add("bad.csv", "date,network,metric,value\n" + string.Join("\n", rows)));

        var text = chat.LastText;
        Assert.Contains("13 bad rows", text);
        Assert.Contains("- line 11:", text);
        Assert.DoesNotContain("- line 12:", text);
        Assert.EndsWith("… and 3 more.", text);
    }

    [Fact]
    public async Task FormatAndNetwork_CanBeNamed()
    {
        await chat.Say(Ana, "metrics import meta instagram", files.Add("insights.csv", "Date,Reach\n2026-11-16,800"));

        Assert.Contains("insights.csv (meta): 1 rows imported", chat.LastText);
        Assert.Equal(CmBot.Domain.Brands.Network.Instagram, chat.WithDb(db => db.MetricSamples.Single().Network));
    }

    [Fact]
    public async Task UnreadableFile_IsSaid_AndNothingChanges()
    {
        await chat.Say(Ana, "metrics import", new ChatAttachment("gone.csv", "text/csv", "test", "no-such-file"));

        Assert.StartsWith("gone.csv: I could not fetch the file", chat.LastText);
        Assert.Empty(Stored());
    }

    public void Dispose()
    {
        chat.Dispose();
        store.Dispose();
    }
}
