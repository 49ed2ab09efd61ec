using System.Globalization;

namespace CmBot.Domain.Reminders;

/// <summary>
/// A wall-clock slot in a brand's zone: "Monday 09:30", "first working day of the month, 10:00", "daily 09:00".
/// <paramref name="DaysAfter"/> shifts a monthly or quarterly slot ("a week after the first working day").
/// </summary>
public sealed record Slot(SlotRepeat Repeat, TimeOnly Time, DayOfWeek Day = DayOfWeek.Monday, int DaysAfter = 0)
{
    public static Slot Daily(TimeOnly time) => new(SlotRepeat.Daily, time);

    public static Slot Weekly(DayOfWeek day, TimeOnly time) => new(SlotRepeat.Weekly, time, day);

    public static Slot Monthly(TimeOnly time, int daysAfter = 0) => new(SlotRepeat.MonthlyFirstWorkingDay, time, DaysAfter: daysAfter);

    public static Slot Quarterly(TimeOnly time) => new(SlotRepeat.QuarterlyFirstWorkingDay, time);

    /// <summary>A stable text for the slot, kept with its trigger so a changed slot is recognised.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Repeat} {Day} {Time:HH\\:mm} +{DaysAfter}");
}
