using CmBot.Domain.Integrations;
using CmBot.Domain.Numbers;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Tests.Integrations;

/// <summary>Files of many chunks: every row is written, and none stays in the context once saved.</summary>
public sealed class LargeMetricsImportTests : IDisposable
{
    private const int Rows = MetricsCsvImport.ChunkSize * 5 / 2;

    private readonly TestStore store = new();
    private readonly int brandId;

    public LargeMetricsImportTests()
    {
        using var db = store.NewDb();
        brandId = new BrandBuilder().SaveIn(db).Id;
    }

    /// <summary>One figure a row, each day a new key; the last row is bad.</summary>
    private static CsvTable File(double value)
    {
        var first = new DateOnly(2020, 1, 1);
        var records = Enumerable.Range(0, Rows)
            .Select(i => new CsvRecord(i + 2, [first.AddDays(i).ToString("yyyy-MM-dd"), "facebook", "followers", $"{value + i}"]))
            .Append(new CsvRecord(Rows + 2, ["2026-11-16", "facebook", "followers", "many"]));
        return new CsvTable(["date", "network", "metric", "value"], records.ToAsyncEnumerable());
    }

    [Fact]
    public async Task Import_OfMoreRowsThanAChunk_WritesEveryRow_AndKeepsNoneTracked()
    {
        await using var db = store.NewDb();

        var (result, _) = await MetricsCsvImport.ImportAsync(db, brandId, File(100), null, null, CancellationToken.None);

        Assert.Equal((Rows, Rows), (result!.GoodRows, result.Written.Inserted));
        Assert.Equal(Rows + 2, Assert.Single(result.Errors).Line);
        Assert.Empty(db.ChangeTracker.Entries<MetricSample>());
        await using var fresh = store.NewDb();
        Assert.Equal(Rows, await fresh.MetricSamples.CountAsync(s => s.BrandId == brandId));
    }

    [Fact]
    public async Task Import_OfMoreRowsThanAChunk_Again_ChangesNothing_AndWithNewValues_ChangesEveryFigure()
    {
        await using (var db = store.NewDb()) await MetricsCsvImport.ImportAsync(db, brandId, File(100), null, null, CancellationToken.None);

        await using var again = store.NewDb();
        var (same, _) = await MetricsCsvImport.ImportAsync(again, brandId, File(100), null, null, CancellationToken.None);
        var (changed, _) = await MetricsCsvImport.ImportAsync(again, brandId, File(200), null, null, CancellationToken.None);

        Assert.Equal(new MetricsUpsert.Outcome(0, 0, Rows), same!.Written);
        Assert.Equal(new MetricsUpsert.Outcome(0, Rows, 0), changed!.Written);
        await using var fresh = store.NewDb();
        Assert.Equal(200 + Rows - 1, await fresh.MetricSamples.MaxAsync(s => s.Value));
    }

    public void Dispose() => store.Dispose();
}
