using CmBot.Domain.Brands;
using CmBot.Domain.Store;

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
        var current = await MetricSeries.FoldAsync(db, brand.Id, spans.Current, only, cancellationToken);
        var previous = await MetricSeries.FoldAsync(db, brand.Id, spans.Previous, only, cancellationToken);
        var (totals, networks) = MetricSummary.Compare(current, previous);
        var team = new TeamNumbersQuery(db);
        return new WeeklyNumbers(brand.Id, brand.Name, spans, totals, networks,
            await team.ComputeAsync(brand.Id, spans.Current, time, cancellationToken),
            await team.ComputeAsync(brand.Id, spans.Previous, time, cancellationToken)) { MetricsLeftOut = leftOut };
    }

    /// <summary>
    /// The names sampled in either span: telling a few hundred names apart costs SQLite a fraction of sorting every
    /// sample into its series.
    /// </summary>
    private async Task<(string[] Headlines, int LeftOut)> HeadlinesAsync(int brandId, WeekSpans spans, int count, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var span in new[] { spans.Current, spans.Previous })
            names.UnionWith(await MetricSeries.NamesAsync(db, brandId, span, cancellationToken));
        var headlines = MetricSummary.Ordered(names).Take(count).ToArray();
        return (headlines, names.Count - headlines.Length);
    }
}
