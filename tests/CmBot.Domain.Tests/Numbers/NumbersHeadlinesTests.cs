using CmBot.Domain.Brands;
using CmBot.Domain.Numbers;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Numbers;

/// <summary>What a card shows is computed alone: the headline metrics with the same values as the full answer, the rest counted.</summary>
public sealed class NumbersHeadlinesTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ManualClock clock = ManualClock.Default();
    private readonly Brand brand;

    public NumbersHeadlinesTests()
    {
        using var db = store.NewDb();
        brand = new BrandBuilder().SaveIn(db);
        // This week (from Monday 16 November) and the same days of last week.
        foreach (var (metric, value) in new[] { (Metrics.Impressions, 100), (Metrics.Clicks, 7), ("saves", 3), ("shares", 2), ("video_views", 9) })
        {
            db.Sample(brand.Id, Network.Instagram, metric, "2026-11-16", value);
            db.Sample(brand.Id, Network.Instagram, metric, "2026-11-17", value);
            db.Sample(brand.Id, Network.Instagram, metric, "2026-11-10", value * 2);
        }
        db.Sample(brand.Id, Network.Instagram, Metrics.Followers, "2026-11-16", 1000);
        db.Sample(brand.Id, Network.Instagram, Metrics.Followers, "2026-11-18", 1010);
        db.Sample(brand.Id, Network.X, Metrics.Impressions, "2026-11-18", 40);
        db.Sample(brand.Id, Network.X, "bookmarks", "2026-11-09", 5);              // last week only: still a name of the spans
        db.Sample(brand.Id, Network.X, "quotes", "2026-11-02", 5);                 // two weeks ago: not in the spans
    }

    private async Task<WeeklyNumbers> Compute(int? headlines)
    {
        await using var db = store.NewDb();
        var calculator = new NumbersCalculator(db, clock);
        return headlines is { } count
            ? await calculator.ComputeHeadlinesAsync(brand, lastWeek: false, count)
            : await calculator.ComputeAsync(brand, lastWeek: false);
    }

    [Fact]
    public async Task Headlines_AreTheFirstMetrics_WithTheFullAnswersValues_AndTheRestCounted()
    {
        var all = await Compute(null);
        var headlines = await Compute(4);

        Assert.Equal([Metrics.Followers, Metrics.Impressions, Metrics.Clicks, "bookmarks"], headlines.Totals.Select(m => m.Metric));
        Assert.Equal(all.Totals.Take(4), headlines.Totals);
        Assert.Equal(3, headlines.MetricsLeftOut); // saves, shares, video_views
        Assert.Equal(0, all.MetricsLeftOut);
        Assert.Equal(all.Networks.Single(n => n.Network == Network.X).Metrics.Where(m => m.Metric != "quotes"),
            headlines.Networks.Single(n => n.Network == Network.X).Metrics);
        Assert.Equal(all.Team, headlines.Team);
    }

    [Fact]
    public async Task Headlines_WhenTheBrandHasFewMetrics_AreAllOfThem()
    {
        var all = await Compute(null);
        var headlines = await Compute(MetricFacts.MaxShown + 10);

        Assert.Equal(all.Totals, headlines.Totals);
        Assert.Equal(0, headlines.MetricsLeftOut);
    }

    public void Dispose() => store.Dispose();
}
