using CmBot.Domain.Cards;
using CmBot.Domain.Common;

namespace CmBot.Domain.Numbers;

/// <summary>
/// A section's metrics as card facts, capped: a big brand imports hundreds of metrics per network, and a card
/// listing them all is unreadable (and far past the ~28 KB a Teams card may weigh). The first
/// <see cref="MaxPerSection"/> in the order given are shown (<see cref="MetricSummary.Ordered"/>: the well-known
/// ones, then the others by name), then one line counts the rest.
/// </summary>
public static class MetricFacts
{
    /// <summary>As many as there are well-known metrics, so a brand that has them all sees exactly those.</summary>
    public static readonly int MaxPerSection = MetricLabels.Known.Count;

    public static IReadOnlyList<CardFact> Build(IReadOnlyList<MetricComparison> metrics, Language language)
    {
        var facts = metrics.Take(MaxPerSection)
            .Select(m => new CardFact(MetricLabels.Label(m.Metric, language), NumbersFormat.Comparison(m, language)))
            .ToList();
        var rest = metrics.Count - facts.Count;
        if (rest > 0) facts.Add(new CardFact("…", More(rest, language)));
        return facts;
    }

    /// <summary>"and 221 more metrics" / "et 221 autres statistiques".</summary>
    public static string More(int count, Language language) => count == 1
        ? language.Pick("and 1 more metric", "et 1 autre statistique")
        : language.Pick($"and {count} more metrics", $"et {count} autres statistiques");
}
