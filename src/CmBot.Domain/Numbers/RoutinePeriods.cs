using System.Globalization;
using CmBot.Domain.Common;

namespace CmBot.Domain.Numbers;

/// <summary>
/// When a routine occurrence's period ends, read from its name in the brand's time zone: "2026-11-21" (a day),
/// "2026-W47" (an ISO week), "2026-11" (a month), "2026-Q4" (a quarter). The rule for "done on time" is then
/// simply: done before the period it belongs to was over. A name we cannot read counts as the day it was due.
/// </summary>
public static class RoutinePeriods
{
    public static DateTimeOffset EndOf(string period, DateTimeOffset dueAt, BrandTime time)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(period, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day))
            return time.StartOf(day.AddDays(1));
        var parts = period.Split('-');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, invariant, out var year))
        {
            var rest = parts[1];
            if (rest.StartsWith('W') && int.TryParse(rest[1..], NumberStyles.None, invariant, out var week) && week is >= 1 and <= 53)
                return time.StartOf(DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)).AddDays(7));
            if (rest.StartsWith('Q') && int.TryParse(rest[1..], NumberStyles.None, invariant, out var quarter) && quarter is >= 1 and <= 4)
                return time.StartOf(new DateOnly(year, (quarter - 1) * 3 + 1, 1).AddMonths(3));
            if (int.TryParse(rest, NumberStyles.None, invariant, out var month) && month is >= 1 and <= 12)
                return time.StartOf(new DateOnly(year, month, 1).AddMonths(1));
        }
        return time.StartOf(time.DayOf(dueAt).AddDays(1));
    }
}
