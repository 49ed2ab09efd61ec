using CmBot.Domain.Cards;
using CmBot.Domain.Common;

namespace CmBot.Domain.Numbers;

/// <summary>
/// The week's numbers as a card: totals up top, a section per network, then the team's own numbers; the metric
/// sections show the few metrics that matter, and the rest are counted (<see cref="MetricFacts"/>).
/// </summary>
public static class NumbersCard
{
    public static string KeyOf(int brandId, DateOnly firstDay)
    {
        var (year, week) = BrandTime.IsoWeekOf(firstDay);
        return $"numbers-{brandId}-{year}-W{week:00}";
    }

    public static Card Build(WeeklyNumbers numbers, Language language)
    {
        var spans = numbers.Spans;
        var title = spans.IsLastWeek
            ? language.Pick($"Last week's numbers · {numbers.BrandName}", $"Chiffres de la semaine dernière · {numbers.BrandName}")
            : language.Pick($"This week's numbers · {numbers.BrandName}", $"Chiffres de la semaine · {numbers.BrandName}");
        var shown = MetricFacts.Shown(numbers);
        var sections = numbers.Networks
            .Select(n => new CardSection(n.Network.ToString()) { Facts = MetricFacts.Network(n, shown, language) })
            // A network whose metrics are all among the counted rest has nothing to show.
            .Where(s => s.Facts.Count > 0)
            .Append(new CardSection(language.Pick("Team", "Équipe")) { Facts = NumbersTeamFacts.Build(numbers.Team, numbers.PreviousTeam, language) })
            .ToList();
        return new Card(KeyOf(numbers.BrandId, spans.Current.FirstDay), CardKind.Numbers, title)
        {
            Subtitle = Span(spans.Current, !spans.IsLastWeek, language)
                + language.Pick(" · compared with ", " · comparé à ") + Span(spans.Previous, !spans.IsLastWeek, language),
            Text = numbers.Networks.Count == 0
                ? language.Pick("No network metrics were imported for these days yet.", "Aucune statistique des réseaux n'a encore été importée pour ces jours.")
                : null,
            Facts = MetricFacts.Totals(numbers, language),
            Sections = sections,
        };
    }

    /// <summary>"Mon, Nov 16 – Sat, Nov 21, 10:00" so far this week; "Mon, Nov 9 – Sun, Nov 15" for a full week.</summary>
    private static string Span(NumbersSpan span, bool upToNow, Language language)
    {
        var culture = language.Culture();
        var pattern = language == Language.Fr ? "ddd d MMM" : "ddd, MMM d";
        var first = span.FirstDay.ToString(pattern, culture);
        var last = span.LastDay.ToString(pattern, culture);
        return upToNow ? $"{first} – {last}{TimeOf(span, language)}" : $"{first} – {last}";
    }

    private static string TimeOf(NumbersSpan span, Language language) =>
        language.Pick(", until ", ", jusqu'à ") + span.End.ToString("HH:mm", language.Culture());
}
