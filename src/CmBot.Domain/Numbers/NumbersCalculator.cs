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
        var current = MetricSummary.Fold(await SamplesAsync(brand.Id, spans.Current, cancellationToken));
        var previous = MetricSummary.Fold(await SamplesAsync(brand.Id, spans.Previous, cancellationToken));
        var (totals, networks) = MetricSummary.Compare(current, previous);
        var team = new TeamNumbersQuery(db);
        return new WeeklyNumbers(brand.Id, brand.Name, spans, totals, networks,
            await team.ComputeAsync(brand.Id, spans.Current, time, cancellationToken),
            await team.ComputeAsync(brand.Id, spans.Previous, time, cancellationToken));
    }

    /// <summary>The span's samples only, through the (BrandId, Day, …) index.</summary>
    private async Task<List<(Network Network, string Metric, DateOnly Day, double Value)>> SamplesAsync(
        int brandId, NumbersSpan span, CancellationToken cancellationToken)
    {
        var (first, last) = (span.FirstDay, span.LastDay);
        var rows = await db.MetricSamples.AsNoTracking()
            .Where(s => s.BrandId == brandId && s.Day >= first && s.Day <= last)
            .Select(s => new { s.Network, s.Metric, s.Day, s.Value })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Network, r.Metric, r.Day, r.Value)).ToList();
    }
}
