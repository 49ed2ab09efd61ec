using CmBot.Domain.Brands;
using CmBot.Domain.Integrations;
using CmBot.Domain.Numbers;

namespace CmBot.Domain.Tests.Integrations;

public sealed class MetricsCsvImportTests
{
    private sealed record Parsed(MetricsCsvFormat Format, List<MetricInput> Values, List<MetricsCsvImport.RowError> Errors);

    /// <summary>A file as the import reads it: the header on line 1, then each record from line 2 through the layout.</summary>
    private static (Parsed? Result, string? Refusal) Read(string[] lines, MetricsCsvFormat? format, Network? network)
    {
        var (layout, refusal) = MetricsCsvLayout.Of(lines[0].Split(','), format, network);
        if (layout is null) return (null, refusal);
        var parsed = new Parsed(layout.Format, [], []);
        foreach (var (line, i) in lines.Skip(1).Select((l, i) => (l, i)))
        {
            var (values, reason) = layout.Read(new CsvRecord(i + 2, line.Split(',')), first: i == 0);
            if (reason is not null) parsed.Errors.Add(new(i + 2, reason));
            parsed.Values.AddRange(values ?? []);
        }
        return (parsed, null);
    }

    private static string[] Lines(params string[] lines) => lines;

    [Fact]
    public void OurLayout_KeepsGoodRows_AndNamesEachBadLineWithItsReason()
    {
        var (result, refusal) = Read(Lines(
            "date,network,metric,value",
            "2026-11-16,facebook,followers,1200",
            "2026-11-16,twitter,Posts Published,4",
            "2026-11-17,x,clicks,-3",
            "2026-11-17,x,cl!cks,3"), null, null);

        Assert.Null(refusal);
        Assert.Equal([new MetricInput(new(2026, 11, 16), Network.Facebook, Metrics.Followers, 1200), new MetricInput(new(2026, 11, 16), Network.X, Metrics.PostsPublished, 4)],
            result!.Values);
        Assert.Equal([4, 5], result.Errors.Select(e => e.Line));
        Assert.Contains("negative", result.Errors[0].Reason);
        Assert.Contains("cl!cks", result.Errors[1].Reason);
    }

    [Fact]
    public void XExport_IsRecognised_AndMappedToOurMetrics()
    {
        var (result, _) = Read(Lines(
            "Date,Tweets published,impressions,engagements,engagement rate,retweets,replies,likes,user profile clicks,url clicks",
            "2026-11-16,3,1500,42,0.028,5,4,30,2,7"), null, null);

        Assert.Equal("x", result!.Format.Name);
        var values = result.Values.ToDictionary(v => v.Metric, v => v.Value);
        Assert.Equal((3.0, 1500.0, 42.0, 7.0, 5.0), (values[Metrics.PostsPublished], values[Metrics.Impressions], values[Metrics.Engagements], values[Metrics.Clicks], values["reposts"]));
        Assert.All(result.Values, v => Assert.Equal(Network.X, v.Network));
        Assert.DoesNotContain("engagement_rate", values.Keys);
    }

    [Fact]
    public void FacebookPageExport_SkipsItsDescriptionRow()
    {
        var (result, _) = Read(Lines(
            "Date,Lifetime Total Likes,Daily Total Reach,Daily Total Impressions",
            "Lifetime: The total number of people who have liked your Page,Daily: reach,Daily: impressions",
            "2026-11-16,5400,800,2100"), null, null);

        Assert.Equal("meta", result!.Format.Name);
        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Values.Count);
        Assert.All(result.Values, v => Assert.Equal((Network.Facebook, new DateOnly(2026, 11, 16)), (v.Network, v.Day)));
    }

    [Fact]
    public void MetaExport_OfInstagram_OrToldSo_GoesToInstagram()
    {
        var named = Read(Lines("Date,Instagram reach", "2026-11-16,900"), null, null).Result!;
        var told = Read(Lines("Date,Reach", "2026-11-16,900"), MetricsCsvFormat.Meta, Network.Instagram).Result!;

        Assert.Equal(Network.Instagram, Assert.Single(named.Values).Network);
        Assert.Equal((Network.Instagram, Metrics.Reach), (Assert.Single(told.Values).Network, told.Values[0].Metric));
    }

    [Fact]
    public void UnknownHeader_IsRefusedWhole()
    {
        var (result, refusal) = Read(Lines("when,what", "2026-11-16,3"), null, null);

        Assert.Null(result);
        Assert.Contains("date,network,metric,value", refusal);
    }
}
