using System.Globalization;
using CmBot.Domain.Common;

namespace CmBot.Domain.Agenda;

/// <summary>An ISO week (week-numbering year and week number), the unit of the weekly sync.</summary>
public readonly record struct AgendaWeek(int Year, int Week) : IComparable<AgendaWeek>
{
    /// <summary>The week "now" falls in, read in the brand's zone: Sunday 23:30 UTC is already Monday in Paris.</summary>
    public static AgendaWeek Current(BrandTime time) => Of(time.Today);

    public static AgendaWeek Of(DateOnly day)
    {
        var (year, week) = BrandTime.IsoWeekOf(day);
        return new AgendaWeek(year, week);
    }

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public AgendaWeek Next => Of(Monday.AddDays(7));

    public DateOnly Day(DayOfWeek day) => Monday.AddDays(((int)day + 6) % 7);

    /// <summary>Monday 00:00 local, as an instant.</summary>
    public DateTimeOffset StartIn(BrandTime time) => time.StartOf(Monday);

    public string CardKey(int brandId) => $"agenda-{brandId}-{Year}-W{Week:D2}";

    public int CompareTo(AgendaWeek other) => (Year, Week).CompareTo((other.Year, other.Week));

    public static bool operator <(AgendaWeek a, AgendaWeek b) => a.CompareTo(b) < 0;

    public static bool operator >(AgendaWeek a, AgendaWeek b) => a.CompareTo(b) > 0;

    public static bool operator <=(AgendaWeek a, AgendaWeek b) => a.CompareTo(b) <= 0;

    public static bool operator >=(AgendaWeek a, AgendaWeek b) => a.CompareTo(b) >= 0;
}
