using System.Globalization;

namespace CmBot.Domain.Common;

/// <summary>
/// Time as a brand lives it: "now", "this week" and "Monday 09:30" are always read in the brand's
/// IANA time zone, from an injected clock, never from the machine's.
/// </summary>
public sealed class BrandTime(TimeZoneInfo zone, TimeProvider clock)
{
    public TimeZoneInfo Zone { get; } = zone;

    public static BrandTime For(string timeZoneId, TimeProvider clock) =>
        new(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId), clock);

    public DateTimeOffset Now => clock.GetUtcNow();

    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(Now, Zone);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>The Monday of the (ISO, Monday-first) week holding <paramref name="day"/>.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Midnight local of <paramref name="day"/> as an instant (the first valid moment on a DST day).</summary>
    public DateTimeOffset StartOf(DateOnly day) => At(day, TimeOnly.MinValue);

    /// <summary>The instant of a local wall-clock time; a time skipped by DST moves forward, an ambiguous one takes the first.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        while (Zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        var offset = Zone.IsAmbiguousTime(local)
            ? Zone.GetAmbiguousTimeOffsets(local).Max()
            : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    public static (int Year, int Week) IsoWeekOf(DateOnly day) =>
        (ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)));
}
