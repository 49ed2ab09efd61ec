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

    /// <summary>Per network, then in total, each metric this span against the previous one.</summary>
    public static (IReadOnlyList<MetricComparison> Totals, IReadOnlyList<NetworkNumbers> Networks) Compare(
        Dictionary<(Network Network, string Metric), double> current,
        Dictionary<(Network Network, string Metric), double> previous)
    {
        var keys = current.Keys.Union(previous.Keys).ToList();
        var networks = keys.Select(k => k.Network).Distinct().Order()
            .Select(network => new NetworkNumbers(network, Ordered(keys.Where(k => k.Network == network).Select(k => k.Metric))
                .Select(metric => new MetricComparison(metric, Get(current, (network, metric)), Get(previous, (network, metric))))
                .ToList()))
            .ToList();
        // A total adds the networks up, followers included: the brand's audience across its profiles.
        var totals = Ordered(keys.Select(k => k.Metric))
            .Select(metric => new MetricComparison(metric,
                Sum(current, metric), Sum(previous, metric)))
            .ToList();
        return (totals, networks);
    }

    /// <summary>The well-known metrics in a fixed order, then any other name alphabetically.</summary>
    public static IEnumerable<string> Ordered(IEnumerable<string> metrics)
    {
        var distinct = metrics.Distinct().ToList();
        return MetricLabels.Known.Where(distinct.Contains).Concat(distinct.Except(MetricLabels.Known).Order(StringComparer.Ordinal));
    }

    private static double? Get(Dictionary<(Network, string), double> values, (Network, string) key) =>
        values.TryGetValue(key, out var value) ? value : null;

    private static double? Sum(Dictionary<(Network Network, string Metric), double> values, string metric)
    {
        var found = values.Where(v => v.Key.Metric == metric).Select(v => v.Value).ToList();
        return found.Count == 0 ? null : found.Sum();
    }
}
