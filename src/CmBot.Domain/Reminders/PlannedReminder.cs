using CmBot.Domain.Routines;

namespace CmBot.Domain.Reminders;

/// <summary>
/// One reminder a brand should have scheduled: what it posts and its slot in the brand's zone. Its
/// <see cref="Name"/> keys the Quartz trigger, so a brand has at most one trigger per reminder.
/// </summary>
public sealed record PlannedReminder(int BrandId, ReminderKind Kind, RoutineKind? Routine, Slot Slot, string TimeZoneId)
{
    /// <summary>"agenda", "routine-BlogPost", "influencerreminder".</summary>
    public string Name => Routine is { } routine ? $"routine-{routine}" : Kind.ToString().ToLowerInvariant();

    /// <summary>What identifies the schedule itself: a trigger made for another slot or zone is replaced.</summary>
    public string Signature => $"{Slot} {TimeZoneId}";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public DateTimeOffset NextAfter(DateTimeOffset after) => SlotClock.NextAfter(Slot, Zone, after);
}
