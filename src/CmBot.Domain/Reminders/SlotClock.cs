using CmBot.Domain.Routines;

namespace CmBot.Domain.Reminders;

/// <summary>
/// When a slot falls, as instants: the one pure function behind the Quartz triggers and the `schedule`
/// command. Slots are wall-clock times in an IANA zone, so "09:30" stays 09:30 local across daylight
/// saving; a time the spring change skips fires at the first valid minute after the gap (02:30 in Paris
/// on the last Sunday of March fires at 03:00), and a time the autumn change repeats fires once, at its
/// first occurrence.
/// </summary>
public static class SlotClock
{
    /// <summary>Longest gap between two slots (a quarter), plus margin, in days.</summary>
    private const int Horizon = 100;

    /// <summary>The first slot strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset NextAfter(Slot slot, TimeZoneInfo zone, DateTimeOffset after)
    {
        // One day back: a slot late in the local day may still be ahead of an instant that is tomorrow in UTC.
        var day = LocalDay(after, zone).AddDays(-1);
        for (var i = 0; i <= Horizon; i++, day = day.AddDays(1))
        {
            if (!Falls(slot, day)) continue;
            var at = Instant(day, slot.Time, zone);
            if (at > after) return at;
        }
        throw new InvalidOperationException($"No slot '{slot}' within {Horizon} days of {after:O}.");
    }

    /// <summary>The last slot at or before <paramref name="atOrBefore"/>: the one a late firing stands for.</summary>
    public static DateTimeOffset LastAtOrBefore(Slot slot, TimeZoneInfo zone, DateTimeOffset atOrBefore)
    {
        var day = LocalDay(atOrBefore, zone).AddDays(1);
        for (var i = 0; i <= Horizon; i++, day = day.AddDays(-1))
        {
            if (!Falls(slot, day)) continue;
            var at = Instant(day, slot.Time, zone);
            if (at <= atOrBefore) return at;
        }
        throw new InvalidOperationException($"No slot '{slot}' within {Horizon} days before {atOrBefore:O}.");
    }

    /// <summary>Whether the slot falls on this local day.</summary>
    public static bool Falls(Slot slot, DateOnly day) => slot.Repeat switch
    {
        SlotRepeat.Daily => true,
        SlotRepeat.Weekly => day.DayOfWeek == slot.Day,
        SlotRepeat.MonthlyFirstWorkingDay => day == RoutinePeriods.FirstWorkingDay(new DateOnly(day.Year, day.Month, 1)).AddDays(slot.DaysAfter),
        _ => day == RoutinePeriods.FirstWorkingDay(new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1)).AddDays(slot.DaysAfter),
    };

    /// <summary>
    /// The instant of a local wall-clock time: a skipped time moves to the first valid minute after the
    /// gap; an ambiguous time takes its first occurrence (the offset before the clocks go back).
    /// </summary>
    public static DateTimeOffset Instant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, DateTimeKind.Unspecified);
            while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    private static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
