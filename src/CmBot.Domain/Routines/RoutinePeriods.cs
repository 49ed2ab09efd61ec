using System.Globalization;
using CmBot.Domain.Common;

namespace CmBot.Domain.Routines;

/// <summary>
/// Periods of a cadence, read in the brand's zone: their keys ("2026-11-21", "2026-W47", "2026-11", "2026-Q4"),
/// where they start, and when a routine falls due in them.
/// </summary>
public static class RoutinePeriods
{
    public static string Key(Cadence cadence, DateOnly day) => cadence switch
    {
        Cadence.Daily => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Cadence.Weekly => $"{BrandTime.IsoWeekOf(day).Year}-W{BrandTime.IsoWeekOf(day).Week:D2}",
        Cadence.Monthly => $"{day.Year}-{day.Month:D2}",
        _ => $"{day.Year}-Q{Quarter(day)}",
    };

    /// <summary>The key of the period holding <paramref name="instant"/>, in the brand's zone.</summary>
    public static string KeyAt(Cadence cadence, BrandTime time, DateTimeOffset instant) => Key(cadence, time.DayOf(instant));

    public static DateOnly Start(Cadence cadence, DateOnly day) => cadence switch
    {
        Cadence.Daily => day,
        Cadence.Weekly => BrandTime.MondayOf(day),
        Cadence.Monthly => new DateOnly(day.Year, day.Month, 1),
        _ => new DateOnly(day.Year, (Quarter(day) - 1) * 3 + 1, 1),
    };

    public static DateOnly NextStart(Cadence cadence, DateOnly day) => cadence switch
    {
        Cadence.Daily => day.AddDays(1),
        Cadence.Weekly => Start(cadence, day).AddDays(7),
        Cadence.Monthly => Start(cadence, day).AddMonths(1),
        _ => Start(cadence, day).AddMonths(3),
    };

    /// <summary>The instant the period's first local moment begins.</summary>
    public static DateTimeOffset StartInstant(Cadence cadence, BrandTime time, DateTimeOffset instant) =>
        time.StartOf(Start(cadence, time.DayOf(instant)));

    /// <summary>When <paramref name="routine"/> falls due in the period holding <paramref name="day"/>, local slot to instant.</summary>
    public static DateTimeOffset DueAt(Routine routine, BrandTime time, DateOnly day)
    {
        var start = Start(routine.Cadence, day);
        var dueDay = routine.Cadence switch
        {
            Cadence.Daily => start,
            Cadence.Weekly => start.AddDays(((int)routine.Day + 6) % 7),
            _ => FirstWorkingDay(start),
        };
        return time.At(dueDay, routine.Time);
    }

    /// <summary>The next slot after now: this period's if still ahead, else the next period's.</summary>
    public static DateTimeOffset NextDue(Routine routine, BrandTime time)
    {
        var due = DueAt(routine, time, time.Today);
        return due > time.Now ? due : DueAt(routine, time, NextStart(routine.Cadence, time.Today));
    }

    /// <summary>Monday to Friday; public holidays differ by country and are not known here.</summary>
    public static DateOnly FirstWorkingDay(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day;
    }

    private static int Quarter(DateOnly day) => (day.Month - 1) / 3 + 1;
}
