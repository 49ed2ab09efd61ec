namespace CmBot.Domain.Reminders;

/// <summary>How a slot comes back: every day, one day a week, or on the first working day of a month or quarter.</summary>
public enum SlotRepeat { Daily, Weekly, MonthlyFirstWorkingDay, QuarterlyFirstWorkingDay }
