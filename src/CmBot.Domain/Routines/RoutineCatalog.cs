using CmBot.Domain.Common;
using CmBot.Domain.Conversations;

namespace CmBot.Domain.Routines;

/// <summary>The chores of the CM routine (DESIGN.md) with their default slots; only the first two are on by default.</summary>
public static class RoutineCatalog
{
    public static readonly IReadOnlyList<RoutineDefinition> All =
    [
        new(RoutineKind.InfluencerContact, Cadence.Weekly, DayOfWeek.Tuesday, new(10, 0), "Influencer contact", "Contact influenceur", true,
            ["influencer", "influencers", "influenceur", "influenceurs", "contact"]),
        new(RoutineKind.AboutReview, Cadence.Monthly, DayOfWeek.Monday, new(10, 0), "About pages review", "Revue des pages À propos", true,
            ["about", "a propos", "apropos", "profiles", "profils"]),
        new(RoutineKind.AdCheck, Cadence.Daily, DayOfWeek.Monday, new(9, 0), "Ad campaigns check", "Vérification des campagnes pub", false,
            ["ads", "ad", "pub", "pubs", "publicite", "campaigns", "campagnes", "ad check"]),
        new(RoutineKind.BrandWatch, Cadence.Daily, DayOfWeek.Monday, new(9, 0), "Brand and competitor watch", "Veille marque et concurrents", false,
            ["watch", "veille", "monitoring", "brand watch"]),
        new(RoutineKind.EditorialCalendar, Cadence.Weekly, DayOfWeek.Friday, new(15, 0), "Editorial calendar", "Calendrier éditorial", false,
            ["calendar", "calendrier", "editorial", "editoriale"]),
        new(RoutineKind.BlogPost, Cadence.Weekly, DayOfWeek.Thursday, new(10, 0), "Blog post", "Article de blog", false,
            ["blog", "article", "post"]),
        new(RoutineKind.Dashboard, Cadence.Monthly, DayOfWeek.Monday, new(11, 0), "Stats dashboard", "Tableau de bord des stats", false,
            ["dashboard", "dashboards", "stats", "tableau", "reporting"]),
        new(RoutineKind.StrategyReview, Cadence.Quarterly, DayOfWeek.Monday, new(14, 0), "Strategy and KPI review", "Revue de la stratégie et des KPI", false,
            ["strategy", "strategie", "kpi", "kpis"]),
        new(RoutineKind.HeaderImages, Cadence.Quarterly, DayOfWeek.Monday, new(15, 0), "Header images", "Images de bannière", false,
            ["header", "headers", "banner", "banners", "banniere", "bannieres", "couverture"]),
    ];

    public static RoutineDefinition Of(RoutineKind kind) => All.First(d => d.Kind == kind);

    public static string Title(RoutineKind kind, Language language) => language.Pick(Of(kind).TitleEn, Of(kind).TitleFr);

    /// <summary>
    /// The kind a person meant: its English or French name or an alias, forgiving case, accents and a slip
    /// ("bannière", "vielle", "Blog post"). Null when nothing is close enough.
    /// </summary>
    public static RoutineKind? Find(string typed)
    {
        var words = typed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(CommandMatcher.Normalize).ToArray();
        if (words.Length == 0) return null;
        var whole = string.Join(' ', words);
        (RoutineKind Kind, int Distance)? best = null;
        foreach (var definition in All)
        {
            var names = definition.Aliases
                .Concat([definition.Kind.ToString(), definition.TitleEn, definition.TitleFr])
                .Select(n => string.Join(' ', n.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(CommandMatcher.Normalize)));
            foreach (var name in names)
            {
                // "blog post" matches "blog"; so does the first word of a longer name typed in full.
                var candidates = new[] { whole, words[0] };
                foreach (var candidate in candidates)
                {
                    var distance = CommandMatcher.Distance(candidate, name);
                    if (distance <= Tolerance(name) && (best is null || distance < best.Value.Distance))
                        best = (definition.Kind, distance);
                }
            }
        }
        return best?.Kind;
    }

    /// <summary>Short names must be exact ("ad", "pub"); longer ones forgive one slip, long ones two.</summary>
    private static int Tolerance(string name) => name.Length switch { <= 3 => 0, <= 7 => 1, _ => 2 };
}
