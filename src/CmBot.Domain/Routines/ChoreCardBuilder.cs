using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Common;

namespace CmBot.Domain.Routines;

/// <summary>The card of the other chores (ad check, watch, blog post...): what, when due, Done / Snooze / Skip.</summary>
public static class ChoreCardBuilder
{
    public static Card Build(Brand brand, Routine routine, RoutineOccurrence occurrence, BrandTime time)
    {
        var language = brand.Language;
        var (state, tone) = RoutineText.State(occurrence, time, language);
        return new Card(RoutineActions.CardKey(occurrence), CardKind.Routine, RoutineCatalog.Title(routine.Kind, language))
        {
            Subtitle = brand.Name,
            State = state,
            Tone = tone,
            Facts =
            [
                new CardFact(language.Pick("Due", "Prévu"), RoutineText.Local(occurrence.DueAt, time, language)),
                new CardFact(language.Pick("Cadence", "Rythme"), RoutineText.Cadence(routine, language)),
            ],
            Actions = OccurrenceRules.IsClosed(occurrence) ? [] :
            [
                RoutineActions.Done(occurrence, language),
                RoutineActions.Snooze(occurrence, language),
                RoutineActions.Skip(occurrence, language),
            ],
        };
    }
}
