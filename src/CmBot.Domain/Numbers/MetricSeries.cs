using CmBot.Domain.Brands;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Numbers;

/// <summary>
/// A span's metric samples folded per network and metric (<see cref="MetricSummary.Fold"/>'s rules) in one query.
/// The database adds the flows up, so a big brand's thousands of samples a week come back as one row per series;
/// levels come back one row per network and day (their unique sample), to be read on the latest day.
/// </summary>
internal static class MetricSeries
{
    /// <summary>The metric names sampled in the span: a few hundred for a big brand, told apart from the covering index.</summary>
    public static Task<List<string>> NamesAsync(CmBotDb db, int brandId, NumbersSpan span, CancellationToken cancellationToken)
    {
        var (first, last) = (span.FirstDay, span.LastDay);
        return db.MetricSamples
            .Where(s => s.BrandId == brandId && s.Day >= first && s.Day <= last)
            .Select(s => s.Metric).Distinct()
            .ToListAsync(cancellationToken);
    }

    /// <summary>The span's series, of the <paramref name="only"/> metrics when given.</summary>
    public static async Task<Dictionary<(Network Network, string Metric), double>> FoldAsync(
        CmBotDb db, int brandId, NumbersSpan span, string[]? only, CancellationToken cancellationToken)
    {
        var (first, last, levels) = (span.FirstDay, span.LastDay, Metrics.Levels);
        var samples = db.MetricSamples.Where(s => s.BrandId == brandId && s.Day >= first && s.Day <= last);
        if (only is not null) samples = samples.Where(s => only.Contains(s.Metric));
        // One group per flow series and one per level sample: the key's day is set for levels only, and the sum of a
        // level's group is its one sample (a brand has one per network, day and metric).
        var rows = await samples
            .GroupBy(s => new { s.Network, s.Metric, Day = levels.Contains(s.Metric) ? s.Day : (DateOnly?)null })
            .Select(g => new { g.Key.Network, g.Key.Metric, g.Key.Day, Value = g.Sum(s => s.Value) })
            .ToListAsync(cancellationToken);
        var folded = MetricSummary.Fold(rows.Where(r => r.Day is not null).Select(r => (r.Network, r.Metric, r.Day!.Value, r.Value)));
        foreach (var flow in rows.Where(r => r.Day is null)) folded[(flow.Network, flow.Metric)] = flow.Value;
        return folded;
    }
}
