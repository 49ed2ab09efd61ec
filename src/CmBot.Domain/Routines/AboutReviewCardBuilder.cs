using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Common;

namespace CmBot.Domain.Routines;

/// <summary>
/// The monthly About-page review: one section per profile with the local date its About section was last
/// reviewed, and a "Reviewed" tick until it is reviewed in this period.
/// </summary>
public static class AboutReviewCardBuilder
{
    public static Card Build(Brand brand, Routine routine, RoutineOccurrence occurrence, IReadOnlyList<SocialProfile> profiles, BrandTime time)
    {
        var language = brand.Language;
        var periodStart = RoutinePeriods.StartInstant(routine.Cadence, time, occurrence.DueAt);
        var ordered = profiles.OrderBy(p => p.Network).ThenBy(p => p.Handle, StringComparer.OrdinalIgnoreCase).ToList();
        var ticked = ordered.Count(p => IsTicked(p, periodStart));
        var (state, tone) = RoutineText.State(occurrence, time, language);
        var card = new Card(RoutineActions.CardKey(occurrence), CardKind.Routine, RoutineCatalog.Title(RoutineKind.AboutReview, language))
        {
            Subtitle = brand.Name,
            State = occurrence.State == OccurrenceState.Done || ordered.Count == 0
                ? state
                : language.Pick($"{ticked} of {ordered.Count} reviewed · {state}", $"{ticked} sur {ordered.Count} vérifié(s) · {state}"),
            Tone = tone,
        };
        if (ordered.Count == 0)
            return card with
            {
                Text = language.Pick("No profiles are listed for this brand yet.", "Aucun profil n'est encore enregistré pour cette marque."),
                Actions = OccurrenceRules.IsClosed(occurrence) ? [] : [RoutineActions.Done(occurrence, language), RoutineActions.Skip(occurrence, language)],
            };
        return card with
        {
            Text = language.Pick("Check the About section of each profile (description, links, contact details, opening hours).",
                "Vérifiez la section À propos de chaque profil (description, liens, coordonnées, horaires)."),
            Sections = ordered.Select(p => Section(p, occurrence, periodStart, time, language)).ToList(),
        };
    }

    /// <summary>Reviewed since the period began: this month's tick.</summary>
    public static bool IsTicked(SocialProfile profile, DateTimeOffset periodStart) => profile.AboutReviewedAt >= periodStart;

    private static CardSection Section(SocialProfile profile, RoutineOccurrence occurrence, DateTimeOffset periodStart, BrandTime time, Language language)
    {
        var ticked = IsTicked(profile, periodStart);
        var last = RoutineText.Date(profile.AboutReviewedAt, time, language)
            + (profile.AboutReviewedBy is { } by ? $" ({by})" : "");
        return new CardSection(Title(profile))
        {
            Text = ticked ? language.Pick($"✓ Reviewed by {profile.AboutReviewedBy}", $"✓ Vérifié par {profile.AboutReviewedBy}") : null,
            Facts = [new CardFact(language.Pick("Last reviewed", "Dernière vérification"), last)],
            Actions = ticked || OccurrenceRules.IsClosed(occurrence) ? [] : [RoutineActions.Reviewed(occurrence, language, profile.Id)],
        };
    }

    public static string Title(SocialProfile profile) => $"{profile.Network} · {profile.Handle}";
}
