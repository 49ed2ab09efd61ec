using CmBot.Domain.Brands;

namespace CmBot.Domain.Numbers;

/// <summary>
/// Folds a span's daily samples into one value per network and metric: flows (impressions, clicks, posts…,
/// and any name we do not know) add up over the days; levels (followers) are read on the latest day sampled.
/// </summary>
public static class MetricSummary
{
    public static Dictionary<(Network Network, string Metric), double> Fold(
        IEnumerable<(Network Network, string Metric, DateOnly Day, double Value)> samples) =>
        samples
            .GroupBy(s => (s.Network, s.Metric))
            .ToDictionary(
                g => g.Key,
                g => Metrics.IsLevel(g.Key.Metric) ? g.MaxBy(s => s.Day).Value : g.Sum(s => s.Value));

    /// <summary>
    /// Per network, then in total, each metric this span against the previous one. One pass over the values each
    /// (a big brand has hundreds of metrics on each network).
    /// </summary>
    public static (IReadOnlyList<MetricComparison> Totals, IReadOnlyList<NetworkNumbers> Networks) Compare(
        Dictionary<(Network Network, string Metric), double> current,
        Dictionary<(Network Network, string Metric), double> previous)
    {
        var keys = current.Keys.Union(previous.Keys).ToList();
        var networks = keys.GroupBy(k => k.Network).OrderBy(g => g.Key)
            .Select(g => new NetworkNumbers(g.Key, Ordered(g.Select(k => k.Metric))
                .Select(metric => new MetricComparison(metric, Get(current, (g.Key, metric)), Get(previous, (g.Key, metric))))
                .ToList()))
            .ToList();
        // A total adds the networks up, followers included: the brand's audience across its profiles.
        var (currentTotals, previousTotals) = (Totals(current), Totals(previous));
        var totals = Ordered(keys.Select(k => k.Metric))
            .Select(metric => new MetricComparison(metric, Get(currentTotals, metric), Get(previousTotals, metric)))
            .ToList();
        return (totals, networks);
    }

    /// <summary>The well-known metrics in a fixed order, then any other name alphabetically.</summary>
    public static IEnumerable<string> Ordered(IEnumerable<string> metrics)
    {
        var distinct = metrics.Distinct().ToList();
        return MetricLabels.Known.Where(distinct.Contains).Concat(distinct.Except(MetricLabels.Known).Order(StringComparer.Ordinal));
    }

    private static double? Get<TKey>(Dictionary<TKey, double> values, TKey key) where TKey : notnull =>
        values.TryGetValue(key, out var value) ? value : null;

    /// <summary>Each metric summed over the networks.</summary>
    private static Dictionary<string, double> Totals(Dictionary<(Network Network, string Metric), double> values)
    {
        var totals = new Dictionary<string, double>();
        foreach (var ((_, metric), value) in values) totals[metric] = totals.GetValueOrDefault(metric) + value;
        return totals;
    }
}
