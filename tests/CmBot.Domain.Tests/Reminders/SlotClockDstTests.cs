using CmBot.Domain.Reminders;

namespace CmBot.Domain.Tests.Reminders;

/// <summary>
/// Slots across daylight-saving changes, after Quartz's CalendarIntervalTriggerDstTests: one test per zone and
/// change, each stating the local time it must keep. 2026: Paris changes on 29 March and 25 October,
/// Montreal on 8 March and 1 November; Niamey keeps +01:00 all year.
/// </summary>
public sealed class SlotClockDstTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly TimeZoneInfo Montreal = TimeZoneInfo.FindSystemTimeZoneById("America/Montreal");
    private static readonly TimeZoneInfo Niamey = TimeZoneInfo.FindSystemTimeZoneById("Africa/Niamey");

    private static DateTimeOffset At(int month, int day, int hour, int minute, int offsetHours, int year = 2026) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours));

    [Fact]
    public void ShouldKeepLocalTime_EuropeParis_WhenSpringingForward()
    {
        var slot = Slot.Daily(new(9, 30));
        var saturday = SlotClock.NextAfter(slot, Paris, At(3, 28, 0, 0, 1));
        var sunday = SlotClock.NextAfter(slot, Paris, saturday);

        Assert.Equal(At(3, 28, 9, 30, 1), saturday);
        Assert.Equal(At(3, 29, 9, 30, 2), sunday);
        Assert.Equal(TimeSpan.FromHours(23), sunday - saturday);
    }

    [Fact]
    public void ShouldFireAtFirstValidTime_EuropeParis_WhenSlotIsInSkippedHour()
    {
        var slot = Slot.Weekly(DayOfWeek.Sunday, new(2, 30));

        var fire = SlotClock.NextAfter(slot, Paris, At(3, 28, 12, 0, 1));

        Assert.Equal(At(3, 29, 3, 0, 2), fire);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), fire.ToUniversalTime());
    }

    [Fact]
    public void ShouldKeepLocalTime_EuropeParis_WhenFallingBack()
    {
        var slot = Slot.Daily(new(9, 30));
        var saturday = SlotClock.NextAfter(slot, Paris, At(10, 24, 0, 0, 2));
        var sunday = SlotClock.NextAfter(slot, Paris, saturday);

        Assert.Equal(At(10, 24, 9, 30, 2), saturday);
        Assert.Equal(At(10, 25, 9, 30, 1), sunday);
        Assert.Equal(TimeSpan.FromHours(25), sunday - saturday);
    }

    [Fact]
    public void ShouldFireOnce_EuropeParis_WhenSlotIsInRepeatedHour()
    {
        var slot = Slot.Weekly(DayOfWeek.Sunday, new(2, 30));

        var first = SlotClock.NextAfter(slot, Paris, At(10, 24, 12, 0, 2));
        var next = SlotClock.NextAfter(slot, Paris, first);

        Assert.Equal(At(10, 25, 2, 30, 2), first); // the first 02:30, before the clocks go back
        Assert.Equal(At(11, 1, 2, 30, 1), next); // not the second 02:30 an hour later
    }

    [Fact]
    public void ShouldKeepLocalTime_AmericaMontreal_WhenSpringingForward()
    {
        var slot = Slot.Daily(new(9, 30));
        var saturday = SlotClock.NextAfter(slot, Montreal, At(3, 7, 0, 0, -5));
        var sunday = SlotClock.NextAfter(slot, Montreal, saturday);

        Assert.Equal(At(3, 7, 9, 30, -5), saturday);
        Assert.Equal(At(3, 8, 9, 30, -4), sunday);
    }

    [Fact]
    public void ShouldFireAtFirstValidTime_AmericaMontreal_WhenSlotIsInSkippedHour()
    {
        var fire = SlotClock.NextAfter(Slot.Daily(new(2, 15)), Montreal, At(3, 7, 12, 0, -5));

        Assert.Equal(At(3, 8, 3, 0, -4), fire);
    }

    [Fact]
    public void ShouldNotMove_AmericaMontreal_AtTheEuropeanOctoberChange()
    {
        var fire = SlotClock.NextAfter(Slot.Daily(new(9, 30)), Montreal, At(10, 25, 0, 0, -4));

        Assert.Equal(At(10, 25, 9, 30, -4), fire);
    }

    [Fact]
    public void ShouldKeepLocalTime_AmericaMontreal_WhenFallingBack()
    {
        var slot = Slot.Daily(new(9, 30));
        var saturday = SlotClock.NextAfter(slot, Montreal, At(10, 31, 0, 0, -4));
        var sunday = SlotClock.NextAfter(slot, Montreal, saturday);

        Assert.Equal(At(10, 31, 9, 30, -4), saturday);
        Assert.Equal(At(11, 1, 9, 30, -5), sunday);
    }

    [Fact]
    public void ShouldFireOnce_AmericaMontreal_WhenSlotIsInRepeatedHour()
    {
        var slot = Slot.Daily(new(1, 30));

        var first = SlotClock.NextAfter(slot, Montreal, At(10, 31, 12, 0, -4));
        var next = SlotClock.NextAfter(slot, Montreal, first);

        Assert.Equal(At(11, 1, 1, 30, -4), first);
        Assert.Equal(At(11, 2, 1, 30, -5), next);
    }

    [Theory]
    [InlineData(3, 29)]
    [InlineData(10, 25)]
    public void ShouldKeepLocalTime_AfricaNiamey_OnEuropeanChangeDays(int month, int day)
    {
        var before = new DateTimeOffset(2026, month, day, 0, 0, 0, TimeSpan.FromHours(1)).AddDays(-1);

        var nine = SlotClock.NextAfter(Slot.Daily(new(9, 30)), Niamey, before);
        var early = SlotClock.NextAfter(Slot.Weekly(DayOfWeek.Sunday, new(2, 30)), Niamey, before);

        Assert.Equal(At(month, day - 1, 9, 30, 1), nine);
        Assert.Equal(At(month, day, 2, 30, 1), early); // no gap, no repeat: 02:30 exists once
    }

    [Fact]
    public void ShouldFireAt0930Daily_EuropeParis_ThroughBothChangeWeeks()
    {
        foreach (var start in new[] { At(3, 25, 12, 0, 1), At(10, 21, 12, 0, 2) })
        {
            var fires = new List<DateTimeOffset>();
            var after = start;
            for (var i = 0; i < 8; i++) fires.Add(after = SlotClock.NextAfter(Slot.Daily(new(9, 30)), Paris, after));

            Assert.All(fires, f => Assert.Equal(new TimeOnly(9, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(f, Paris).DateTime)));
            Assert.Equal(8, fires.Select(f => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(f, Paris).DateTime)).Distinct().Count());
        }
    }
}
