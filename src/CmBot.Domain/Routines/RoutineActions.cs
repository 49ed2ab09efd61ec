using CmBot.Domain.Cards;
using CmBot.Domain.Common;

namespace CmBot.Domain.Routines;

/// <summary>The buttons of routine cards, with their click data (brand and occurrence ids, re-checked on click).</summary>
public static class RoutineActions
{
    public static string CardKey(RoutineOccurrence occurrence) => $"routine-{occurrence.Id}";

    public static CardAction Done(RoutineOccurrence occurrence, Language language, params (string Key, string Value)[] more) =>
        new(language.Pick("Done", "Fait"), RoutineVerbs.Done) { Data = Data(occurrence, more), Style = CardActionStyle.Positive };

    public static CardAction Snooze(RoutineOccurrence occurrence, Language language) =>
        new(language.Pick("Snooze one day", "Reporter d'un jour"), RoutineVerbs.Snooze) { Data = Data(occurrence) };

    public static CardAction Skip(RoutineOccurrence occurrence, Language language) =>
        new(language.Pick("Skip", "Passer"), RoutineVerbs.Skip) { Data = Data(occurrence) };

    public static CardAction SomeoneElse(RoutineOccurrence occurrence, Language language, int influencerId) =>
        new(language.Pick("Someone else", "Quelqu'un d'autre"), RoutineVerbs.SomeoneElse)
        {
            Data = Data(occurrence, (RoutineVerbs.InfluencerKey, influencerId.ToString())),
        };

    public static CardAction Reviewed(RoutineOccurrence occurrence, Language language, int profileId) =>
        new(language.Pick("Reviewed", "Vérifié"), RoutineVerbs.Reviewed)
        {
            Data = Data(occurrence, (RoutineVerbs.ProfileKey, profileId.ToString())),
            Style = CardActionStyle.Positive,
        };

    private static Dictionary<string, string> Data(RoutineOccurrence occurrence, params (string Key, string Value)[] more)
    {
        var data = new Dictionary<string, string>
        {
            [RoutineVerbs.BrandKey] = occurrence.BrandId.ToString(),
            [RoutineVerbs.OccurrenceKey] = occurrence.Id.ToString(),
        };
        foreach (var (key, value) in more) data[key] = value;
        return data;
    }
}
