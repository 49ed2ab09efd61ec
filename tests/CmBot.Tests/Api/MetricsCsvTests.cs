using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CmBot.Domain.Brands;

namespace CmBot.Tests.Api;

public sealed class MetricsCsvTests : IDisposable
{
    private readonly ApiHost host = new();

    private const string FileWithTwoBadRows = """
        date,network,metric,value
        2026-11-16,facebook,followers,1200
        2026-11-16,instagram,impressions,5400
        2026-11-17,myspace,impressions,10
        2026-11-17,x,impressions,880
        17/11/2026,x,clicks,12
        2026-11-18,linkedin,clicks,31
        """;

    private static MultipartFormDataContent Upload(string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", "metrics.csv" } };
    }

    [Fact]
    public async Task Csv_WithTwoBadRows_ImportsTheRest_AndNamesTheBadLines()
    {
        var brand = host.SeedBrand("Acme", "room-a");
        var client = host.Client(host.NewKey(brand.Id));

        var response = await client.PostAsync("/api/metrics/csv", Upload(FileWithTwoBadRows));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(4, report.GetProperty("inserted").GetInt32());
        var errors = report.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([4, 6], errors.Select(e => e.GetProperty("line").GetInt32()));
        Assert.Contains("myspace", errors[0].GetProperty("reason").GetString());
        Assert.Contains("17/11/2026", errors[1].GetProperty("reason").GetString());
        var samples = host.WithDb(db => db.MetricSamples.Where(s => s.BrandId == brand.Id).ToList());
        Assert.Equal(4, samples.Count);
        Assert.Equal(880, samples.Single(s => s.Network == Network.X).Value);
    }

    [Fact]
    public async Task SameFile_ImportedAgain_ChangesNothing()
    {
        var brand = host.SeedBrand("Acme", "room-a");
        var client = host.Client(host.NewKey(brand.Id));
        await client.PostAsync("/api/metrics/csv", Upload(FileWithTwoBadRows));
        var before = host.WithDb(db => db.MetricSamples.OrderBy(s => s.Id).Select(s => new { s.Id, s.Day, s.Network, s.Metric, s.Value }).ToList());

        var again = await client.PostAsync("/api/metrics/csv", Upload(FileWithTwoBadRows));

        var report = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 0, 4), (report.GetProperty("inserted").GetInt32(), report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32()));
        var after = host.WithDb(db => db.MetricSamples.OrderBy(s => s.Id).Select(s => new { s.Id, s.Day, s.Network, s.Metric, s.Value }).ToList());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task LinkedInExport_AsARawCsvBody_IsMappedToOurMetrics()
    {
        var brand = host.SeedBrand("Acme", "room-a");
        var client = host.Client(host.NewKey(brand.Id));
        const string export = """
            Date,Impressions (organic),Impressions (sponsored),Impressions (total),Unique impressions (organic),Clicks (organic),Clicks (sponsored),Clicks (total),Reactions (total)
            11/16/2026,900,100,1000,700,20,5,25,40
            """;

        var response = await client.PostAsync("/api/metrics/csv", new StringContent(export, Encoding.UTF8, "text/csv"));

        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("linkedin", report.GetProperty("format").GetString());
        var samples = host.WithDb(db => db.MetricSamples.ToDictionary(s => s.Metric, s => (s.Network, s.Day, s.Value)));
        Assert.Equal((Network.LinkedIn, new DateOnly(2026, 11, 16), 1000.0), samples["impressions"]);
        Assert.Equal(700, samples["reach"].Value);
        Assert.Equal(25, samples["clicks"].Value);
        Assert.Equal(40, samples["reactions"].Value);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task LargeSemicolonFile_ImportsEveryRow_AndNamesItsBadLastLine(bool withExcelSepLine)
    {
        var brand = host.SeedBrand("Acme", "room-a");
        var client = host.Client(host.NewKey(brand.Id));
        const int rows = 2500; // several of the import's chunks, many of the parser's buffers
        var csv = new StringBuilder(withExcelSepLine ? "sep=;\n" : "").Append("date;network;metric;value\n");
        for (var i = 0; i < rows; i++) csv.Append($"{new DateOnly(2020, 1, 1).AddDays(i):yyyy-MM-dd};instagram;reach;{i}\n");
        csv.Append("2026-11-16;instagram;reach;lots\n");

        var response = await client.PostAsync("/api/metrics/csv", Upload(csv.ToString()));

        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((rows, rows), (report.GetProperty("rows").GetInt32(), report.GetProperty("inserted").GetInt32()));
        var header = withExcelSepLine ? 2 : 1;
        Assert.Equal(header + rows + 1, Assert.Single(report.GetProperty("errors").EnumerateArray().ToList()).GetProperty("line").GetInt32());
        Assert.Equal(rows, host.WithDb(db => db.MetricSamples.Count(s => s.BrandId == brand.Id)));
    }

    [Fact]
    public async Task UnknownLayout_IsAProblemNamingTheFile()
    {
        var brand = host.SeedBrand("Acme", "room-a");
        var client = host.Client(host.NewKey(brand.Id));

        var response = await client.PostAsync("/api/metrics/csv", Upload("when,what\n2026-11-16,3\n"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task MetricsBatch_WritesOnTheKey_AndTheNumbersShowThem()
    {
        var brand = host.SeedBrand("Acme", "room-a");
        var client = host.Client(host.NewKey(brand.Id));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var first = await client.PostAsJsonAsync("/api/metrics/batch", new { samples = new[] { new { date = day, network = "x", metric = "Impressions", value = 500.0 } } });
        var second = await client.PostAsJsonAsync("/api/metrics", new { date = day, network = "x", metric = "impressions", value = 650.0 });
        var invalid = await client.PostAsJsonAsync("/api/metrics", new { date = "yesterday", network = "x", metric = "impressions", value = 1.0 });
        var numbers = await client.GetFromJsonAsync<JsonElement>("/api/numbers?week=this");

        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("inserted").GetInt32());
        Assert.Equal(1, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updated").GetInt32());
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("date", out _));
        var impressions = numbers.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("metric").GetString() == "impressions");
        Assert.Equal(650, impressions.GetProperty("current").GetDouble());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/numbers?week=next")).StatusCode);
    }

    public void Dispose() => host.Dispose();
}
