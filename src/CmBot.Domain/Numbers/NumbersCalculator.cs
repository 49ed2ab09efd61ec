using CmBot.Domain.Brands;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Numbers;

/// <summary>
/// "This week's numbers" (or last week's) for one brand: the networks' metrics per network and in total, and
/// the team's own numbers, each against the span before, all read in the brand's time zone.
/// </summary>
public sealed class NumbersCalculator(CmBotDb db, TimeProvider clock)
{
    public async Task<WeeklyNumbers> ComputeAsync(Brand brand, bool lastWeek, CancellationToken cancellationToken = default)
    {
        var time = brand.Time(clock);
        var spans = lastWeek ? WeekSpans.LastWeek(time) : WeekSpans.ThisWeek(time);
        var current = await FoldAsync(brand.Id, spans.Current, cancellationToken);
        var previous = await FoldAsync(brand.Id, spans.Previous, cancellationToken);
        var (totals, networks) = MetricSummary.Compare(current, previous);
        var team = new TeamNumbersQuery(db);
        return new WeeklyNumbers(brand.Id, brand.Name, spans, totals, networks,
            await team.ComputeAsync(brand.Id, spans.Current, time, cancellationToken),
            await team.ComputeAsync(brand.Id, spans.Previous, time, cancellationToken));
    }

    /// <summary>
    /// The span's samples folded per network and metric (<see cref="MetricSummary.Fold"/>'s rules). The database adds
    /// the flows up, so a big brand's thousands of samples a week come back as one row per series; levels are
    /// one sample per network and day, folded here on their latest day.
    /// </summary>
    private async Task<Dictionary<(Network Network, string Metric), double>> FoldAsync(
        int brandId, NumbersSpan span, CancellationToken cancellationToken)
    {
        var (first, last, levels) = (span.FirstDay, span.LastDay, Metrics.Levels);
        var samples = db.MetricSamples.AsNoTracking().Where(s => s.BrandId == brandId && s.Day >= first && s.Day <= last);
        var flows = await samples
            .Where(s => !levels.Contains(s.Metric))
            .GroupBy(s => new { s.Network, s.Metric })
            .Select(g => new { g.Key.Network, g.Key.Metric, Total = g.Sum(s => s.Value) })
            .ToListAsync(cancellationToken);
        var levelSamples = await samples
            .Where(s => levels.Contains(s.Metric))
            .Select(s => new { s.Network, s.Metric, s.Day, s.Value })
            .ToListAsync(cancellationToken);
        var folded = MetricSummary.Fold(levelSamples.Select(s => (s.Network, s.Metric, s.Day, s.Value)));
        foreach (var flow in flows) folded[(flow.Network, flow.Metric)] = flow.Total;
        return folded;
    }
}
