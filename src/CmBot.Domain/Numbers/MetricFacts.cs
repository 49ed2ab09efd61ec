using CmBot.Domain.Cards;
using CmBot.Domain.Common;

namespace CmBot.Domain.Numbers;

/// <summary>
/// The few metrics a card shows: a big brand imports hundreds per network, and a card listing them all is
/// unreadable (and far past the ~28 KB a Teams card may weigh). The brand's first <see cref="MaxShown"/> metrics
/// (<see cref="MetricSummary.Ordered"/>: the well-known ones, then the others by name) are shown in total and on
/// each network, the same ones everywhere so the networks compare; one line counts the rest.
/// </summary>
public static class MetricFacts
{
    /// <summary>As many as there are well-known metrics, so a brand that has them all sees exactly those.</summary>
    public static readonly int MaxShown = MetricLabels.Known.Count;

    /// <summary>The names shown: the first of the totals, which hold every metric of every network, in order.</summary>
    public static IReadOnlySet<string> Shown(WeeklyNumbers numbers) =>
        numbers.Totals.Take(MaxShown).Select(m => m.Metric).ToHashSet(StringComparer.Ordinal);

    /// <summary>The totals' facts, then "and N more metrics" when some are not shown.</summary>
    public static IReadOnlyList<CardFact> Totals(WeeklyNumbers numbers, Language language)
    {
        var facts = Of(numbers.Totals.Take(MaxShown), language).ToList();
        var rest = numbers.Totals.Count - facts.Count + numbers.MetricsLeftOut;
        if (rest > 0) facts.Add(new CardFact("…", More(rest, language)));
        return facts;
    }

    /// <summary>A network's facts: the shown metrics it has, in the totals' order.</summary>
    public static IReadOnlyList<CardFact> Network(NetworkNumbers network, IReadOnlySet<string> shown, Language language) =>
        Of(network.Metrics.Where(m => shown.Contains(m.Metric)), language).ToList();

    /// <summary>"and 221 more metrics" / "et 221 autres statistiques".</summary>
    public static string More(int count, Language language) => count == 1
        ? language.Pick("and 1 more metric", "et 1 autre statistique")
        : language.Pick($"and {count} more metrics", $"et {count} autres statistiques");

    private static IEnumerable<CardFact> Of(IEnumerable<MetricComparison> metrics, Language language) =>
        metrics.Select(m => new CardFact(MetricLabels.Label(m.Metric, language), NumbersFormat.Comparison(m, language)));
}
