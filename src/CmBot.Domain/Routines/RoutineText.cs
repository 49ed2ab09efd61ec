using CmBot.Domain.Cards;
using CmBot.Domain.Common;

namespace CmBot.Domain.Routines;

/// <summary>Phrases shared by the routine cards and commands, in the brand's language.</summary>
public static class RoutineText
{
    /// <summary>"Done by Ana · 2 minutes ago", "Snoozed by Bob until Sun, Nov 22, 10:00", "Due Tue, Nov 17, 10:00".</summary>
    public static (string Line, CardTone Tone) State(RoutineOccurrence occurrence, BrandTime time, Language language) => occurrence.State switch
    {
        OccurrenceState.Done => (language.Pick($"Done by {occurrence.DoneByName} · {Ago(occurrence.DoneAt, time, language)}",
            $"Fait par {occurrence.DoneByName} · {Ago(occurrence.DoneAt, time, language)}"), CardTone.Good),
        OccurrenceState.Skipped => (language.Pick($"Skipped by {occurrence.DoneByName} · {Ago(occurrence.DoneAt, time, language)}",
            $"Passé par {occurrence.DoneByName} · {Ago(occurrence.DoneAt, time, language)}"), CardTone.Neutral),
        OccurrenceState.Snoozed when occurrence.SnoozedUntil > time.Now => (language.Pick(
            $"Snoozed by {occurrence.SnoozedByName} until {Local(occurrence.SnoozedUntil!.Value, time, language)}",
            $"Reporté par {occurrence.SnoozedByName} jusqu'à {Local(occurrence.SnoozedUntil!.Value, time, language)}"), CardTone.Warning),
        _ when occurrence.DueAt < time.Now => (language.Pick($"Due since {Local(occurrence.DueAt, time, language)}",
            $"À faire depuis {Local(occurrence.DueAt, time, language)}"), CardTone.Attention),
        _ => (language.Pick($"Due {Local(occurrence.DueAt, time, language)}", $"Prévu {Local(occurrence.DueAt, time, language)}"), CardTone.Neutral),
    };

    /// <summary>What a second click is told: who got there first.</summary>
    public static string Already(OccurrenceOutcome outcome, RoutineOccurrence occurrence, BrandTime time, Language language) => outcome switch
    {
        OccurrenceOutcome.AlreadyDone => language.Pick($"Already done by {occurrence.DoneByName}, {Ago(occurrence.DoneAt, time, language)}.",
            $"Déjà fait par {occurrence.DoneByName}, {Ago(occurrence.DoneAt, time, language)}."),
        OccurrenceOutcome.AlreadySkipped => language.Pick($"Already skipped by {occurrence.DoneByName}, {Ago(occurrence.DoneAt, time, language)}.",
            $"Déjà passé par {occurrence.DoneByName}, {Ago(occurrence.DoneAt, time, language)}."),
        OccurrenceOutcome.AlreadySnoozed => language.Pick(
            $"Already snoozed by {occurrence.SnoozedByName} until {Local(occurrence.SnoozedUntil!.Value, time, language)}.",
            $"Déjà reporté par {occurrence.SnoozedByName} jusqu'à {Local(occurrence.SnoozedUntil!.Value, time, language)}."),
        _ => language.Pick("Someone changed this card just before you; here it is as it stands.",
            "Quelqu'un a modifié cette carte juste avant vous ; la voici à jour."),
    };

    public static string Local(DateTimeOffset instant, BrandTime time, Language language) => Phrasing.LocalDateTime(time.ToLocal(instant), language);

    /// <summary>A local date: "Oct 12, 2026" / "12 oct. 2026"; "never" when there is none.</summary>
    public static string Date(DateTimeOffset? instant, BrandTime time, Language language) => instant is { } at
        ? time.ToLocal(at).ToString(language == Language.Fr ? "d MMM yyyy" : "MMM d, yyyy", language.Culture())
        : language.Pick("never", "jamais");

    /// <summary>"3 weeks ago" / "il y a 3 semaines"; "never" / "jamais".</summary>
    public static string Ago(DateTimeOffset? instant, BrandTime time, Language language) =>
        instant is { } at ? Phrasing.Ago(at, time.Now, language) : language.Pick("never", "jamais");

    public static string Cadence(Routine routine, Language language)
    {
        var at = routine.Time.ToString("HH:mm", language.Culture());
        var day = language.Culture().DateTimeFormat.GetDayName(routine.Day);
        return routine.Cadence switch
        {
            Routines.Cadence.Daily => language.Pick($"daily at {at}", $"chaque jour à {at}"),
            Routines.Cadence.Weekly => language.Pick($"weekly, {day} at {at}", $"chaque semaine, le {day} à {at}"),
            Routines.Cadence.Monthly => language.Pick($"monthly, first working day at {at}", $"chaque mois, premier jour ouvré à {at}"),
            _ => language.Pick($"quarterly, first working day at {at}", $"chaque trimestre, premier jour ouvré à {at}"),
        };
    }
}
