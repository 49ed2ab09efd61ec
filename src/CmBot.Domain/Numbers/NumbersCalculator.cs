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
    /// <summary>Every metric imported for the spans (the API's answer).</summary>
    public Task<WeeklyNumbers> ComputeAsync(Brand brand, bool lastWeek, CancellationToken cancellationToken = default) =>
        ComputeAsync(brand, lastWeek, headlines: null, cancellationToken);

    /// <summary>
    /// The first <paramref name="count"/> metrics in <see cref="MetricSummary.Ordered"/>'s order (the well-known ones,
    /// then the others by name), the rest only counted in <see cref="WeeklyNumbers.MetricsLeftOut"/>: what a card
    /// shows. A big brand imports hundreds of metrics, and adding all their series up is most of the work.
    /// </summary>
    public Task<WeeklyNumbers> ComputeHeadlinesAsync(Brand brand, bool lastWeek, int count, CancellationToken cancellationToken = default) =>
        ComputeAsync(brand, lastWeek, count, cancellationToken);

    private async Task<WeeklyNumbers> ComputeAsync(Brand brand, bool lastWeek, int? headlines, CancellationToken cancellationToken)
    {
        var time = brand.Time(clock);
        var spans = lastWeek ? WeekSpans.LastWeek(time) : WeekSpans.ThisWeek(time);
        var (only, leftOut) = headlines is { } count ? await HeadlinesAsync(brand.Id, spans, count, cancellationToken) : (null, 0);
        var current = await FoldAsync(brand.Id, spans.Current, only, cancellationToken);
        var previous = await FoldAsync(brand.Id, spans.Previous, only, cancellationToken);
        var (totals, networks) = MetricSummary.Compare(current, previous);
        var team = new TeamNumbersQuery(db);
        return new WeeklyNumbers(brand.Id, brand.Name, spans, totals, networks,
            await team.ComputeAsync(brand.Id, spans.Current, time, cancellationToken),
            await team.ComputeAsync(brand.Id, spans.Previous, time, cancellationToken)) { MetricsLeftOut = leftOut };
    }

    /// <summary>
    /// The names sampled in either span, from the covering index: telling a few hundred names apart costs SQLite a
    /// fraction of sorting every sample into its series.
    /// </summary>
    private async Task<(IReadOnlyList<string> Headlines, int LeftOut)> HeadlinesAsync(
        int brandId, WeekSpans spans, int count, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var span in new[] { spans.Current, spans.Previous })
        {
            var (first, last) = (span.FirstDay, span.LastDay);
            names.UnionWith(await db.MetricSamples
                .Where(s => s.BrandId == brandId && s.Day >= first && s.Day <= last)
                .Select(s => s.Metric).Distinct()
                .ToListAsync(cancellationToken));
        }
        var headlines = MetricSummary.Ordered(names).Take(count).ToList();
        return (headlines, names.Count - headlines.Count);
    }

    /// <summary>
    /// The span's samples folded per network and metric (<see cref="MetricSummary.Fold"/>'s rules), of the
    /// <paramref name="only"/> metrics when given. The database adds the flows up, so a big brand's thousands of
    /// samples a week come back as one row per series; levels are one sample per network and day, folded here on
    /// their latest day.
    /// </summary>
    private async Task<Dictionary<(Network Network, string Metric), double>> FoldAsync(
        int brandId, NumbersSpan span, IReadOnlyList<string>? only, CancellationToken cancellationToken)
    {
        var (first, last, levels) = (span.FirstDay, span.LastDay, Metrics.Levels);
        var samples = db.MetricSamples.AsNoTracking().Where(s => s.BrandId == brandId && s.Day >= first && s.Day <= last);
        if (only is not null) samples = samples.Where(s => only.Contains(s.Metric));
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
