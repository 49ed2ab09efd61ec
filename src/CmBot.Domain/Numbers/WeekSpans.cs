using CmBot.Domain.Common;

namespace CmBot.Domain.Numbers;

/// <summary>
/// The two spans a "numbers" answer compares, read in the brand's time zone: this week so far against the
/// same stretch of last week, or last full week against the week before.
/// </summary>
public sealed record WeekSpans(NumbersSpan Current, NumbersSpan Previous, bool IsLastWeek)
{
    /// <summary>
    /// Monday 00:00 local to now, against Monday 00:00 to the same weekday and wall-clock time a week earlier.
    /// Samples are per day, so both spans count the same number of days, today and its twin included.
    /// </summary>
    public static WeekSpans ThisWeek(BrandTime time)
    {
        var today = time.Today;
        var monday = BrandTime.MondayOf(today);
        var now = time.LocalNow;
        var current = new NumbersSpan(time.StartOf(monday), now, monday, today);
        var previous = new NumbersSpan(
            time.StartOf(monday.AddDays(-7)),
            time.At(today.AddDays(-7), TimeOnly.FromDateTime(now.DateTime)),
            monday.AddDays(-7),
            today.AddDays(-7));
        return new(current, previous, false);
    }

    /// <summary>Last full week (Monday to Sunday, local) against the week before it.</summary>
    public static WeekSpans LastWeek(BrandTime time)
    {
        var monday = BrandTime.MondayOf(time.Today).AddDays(-7);
        return new(FullWeek(time, monday), FullWeek(time, monday.AddDays(-7)), true);
    }

    private static NumbersSpan FullWeek(BrandTime time, DateOnly monday) =>
        new(time.StartOf(monday), time.StartOf(monday.AddDays(7)), monday, monday.AddDays(6));
}
