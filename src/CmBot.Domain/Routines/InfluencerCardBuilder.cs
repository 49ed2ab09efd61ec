using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Common;

namespace CmBot.Domain.Routines;

/// <summary>The weekly influencer nudge: who to contact (the one contacted longest ago), with Done / Snooze / Someone else.</summary>
public static class InfluencerCardBuilder
{
    public static Card Build(Brand brand, RoutineOccurrence occurrence, Influencer? proposed, int listSize, BrandTime time)
    {
        var language = brand.Language;
        var (state, tone) = RoutineText.State(occurrence, time, language);
        var card = new Card(RoutineActions.CardKey(occurrence), CardKind.Routine, RoutineCatalog.Title(RoutineKind.InfluencerContact, language))
        {
            Subtitle = brand.Name,
            State = state,
            Tone = tone,
        };
        if (proposed is null)
            return card with
            {
                Text = language.Pick("The influencer list is empty. Add someone with `influencers add <name> <handle>`.",
                    "La liste d'influenceurs est vide. Ajoutez quelqu'un avec `influenceurs ajouter <nom> <compte>`."),
                Actions = OccurrenceRules.IsClosed(occurrence) ? [] : [RoutineActions.Skip(occurrence, language)],
            };

        var closed = OccurrenceRules.IsClosed(occurrence);
        var actions = new List<CardAction>();
        if (!closed)
        {
            actions.Add(RoutineActions.Done(occurrence, language, (RoutineVerbs.InfluencerKey, proposed.Id.ToString())));
            actions.Add(RoutineActions.Snooze(occurrence, language));
            if (listSize > 1) actions.Add(RoutineActions.SomeoneElse(occurrence, language, proposed.Id));
        }
        return card with
        {
            Text = occurrence.State == OccurrenceState.Done
                ? language.Pick($"{proposed.Name} ({proposed.Handle}) was contacted this week.", $"{proposed.Name} ({proposed.Handle}) a été contacté(e) cette semaine.")
                : language.Pick($"How about contacting {proposed.Name} ({proposed.Handle}) this week?",
                    $"Et si vous contactiez {proposed.Name} ({proposed.Handle}) cette semaine ?"),
            Facts =
            [
                new CardFact(language.Pick("Influencer", "Influenceur"), $"{proposed.Name} ({proposed.Handle})"),
                new CardFact(language.Pick("Last contact", "Dernier contact"), RoutineText.Ago(proposed.LastContactedAt, time, language)),
            ],
            Actions = actions,
        };
    }
}
