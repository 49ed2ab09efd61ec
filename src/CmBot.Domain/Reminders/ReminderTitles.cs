using CmBot.Domain.Common;
using CmBot.Domain.Routines;

namespace CmBot.Domain.Reminders;

/// <summary>How a scheduled reminder is named in the brand's language.</summary>
public static class ReminderTitles
{
    public static string Of(PlannedReminder reminder, Language language) => reminder.Kind switch
    {
        ReminderKind.Agenda => language.Pick("Weekly sync agenda", "Ordre du jour de la réunion hebdomadaire"),
        ReminderKind.Routine => RoutineCatalog.Title(reminder.Routine!.Value, language),
        ReminderKind.InfluencerReminder => language.Pick("Influencer contact reminder (if not done)", "Rappel contact influenceur (si pas fait)"),
        _ => language.Pick("About pages reminder (if some are left)", "Rappel pages À propos (s'il en reste)"),
    };
}
