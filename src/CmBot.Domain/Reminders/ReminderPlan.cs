using CmBot.Domain.Brands;
using CmBot.Domain.Routines;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Reminders;

/// <summary>The reminders a brand should have scheduled, read from its settings and its routines.</summary>
public static class ReminderPlan
{
    /// <summary>The day and hour of the influencer follow-up: "if nothing is done by Friday".</summary>
    public static readonly Slot InfluencerFollowUp = Slot.Weekly(DayOfWeek.Friday, new(10, 0));

    /// <summary>How long after the About review its one reminder comes.</summary>
    public const int AboutFollowUpDays = 7;

    public static IReadOnlyList<PlannedReminder> For(Brand brand, IEnumerable<Routine> routines)
    {
        var zone = brand.TimeZoneId;
        var plan = new List<PlannedReminder> { new(brand.Id, ReminderKind.Agenda, null, Slot.Weekly(brand.SyncDay, brand.SyncTime), zone) };
        foreach (var routine in routines.Where(r => r.Enabled).OrderBy(r => r.Kind))
        {
            plan.Add(new(brand.Id, ReminderKind.Routine, routine.Kind, SlotOf(routine), zone));
            if (routine.Kind == RoutineKind.InfluencerContact)
                plan.Add(new(brand.Id, ReminderKind.InfluencerReminder, null, InfluencerFollowUp, zone));
            if (routine.Kind == RoutineKind.AboutReview)
                plan.Add(new(brand.Id, ReminderKind.AboutReminder, null, Slot.Monthly(routine.Time, AboutFollowUpDays), zone));
        }
        return plan;
    }

    /// <summary>The brand's plan from the store (its routine rows are created with their defaults if missing).</summary>
    public static async Task<IReadOnlyList<PlannedReminder>> LoadAsync(CmBotDb db, int brandId, CancellationToken cancellationToken)
    {
        var brand = await db.Brands.AsNoTracking().FirstOrDefaultAsync(b => b.Id == brandId, cancellationToken);
        if (brand is null) return [];
        return For(brand, await RoutineSetup.EnsureAsync(db, brandId, cancellationToken));
    }

    /// <summary>A routine's slot: the same day and hour <see cref="RoutinePeriods.DueAt"/> gives its occurrences.</summary>
    public static Slot SlotOf(Routine routine) => routine.Cadence switch
    {
        Cadence.Daily => Slot.Daily(routine.Time),
        Cadence.Weekly => Slot.Weekly(routine.Day, routine.Time),
        Cadence.Monthly => Slot.Monthly(routine.Time),
        _ => Slot.Quarterly(routine.Time),
    };
}
