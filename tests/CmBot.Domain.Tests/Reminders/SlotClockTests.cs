using CmBot.Domain.Reminders;

namespace CmBot.Domain.Tests.Reminders;

public sealed class SlotClockTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static DateTimeOffset Paris2026(int month, int day, int hour, int minute) =>
        new(2026, month, day, hour, minute, 0, Paris.GetUtcOffset(new DateTime(2026, month, day, hour, minute, 0)));

    [Fact]
    public void Weekly_IsTheNextSuchDay_AndNotTheSameInstantAgain()
    {
        var slot = Slot.Weekly(DayOfWeek.Monday, new(9, 30));

        Assert.Equal(Paris2026(11, 23, 9, 30), SlotClock.NextAfter(slot, Paris, Paris2026(11, 21, 10, 0)));
        Assert.Equal(Paris2026(11, 30, 9, 30), SlotClock.NextAfter(slot, Paris, Paris2026(11, 23, 9, 30)));
    }

    [Fact]
    public void Weekly_LateLocalSlot_IsFoundWhenUtcIsAlreadyTheNextDay()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Montreal");
        var slot = Slot.Weekly(DayOfWeek.Monday, new(21, 0));
        var mondayEveningUtcTuesday = new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero); // Mon 20:00 in Montreal

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.FromHours(-5)), SlotClock.NextAfter(slot, zone, mondayEveningUtcTuesday));
    }

    [Fact]
    public void Monthly_FallsOnTheFirstWorkingDay()
    {
        var slot = Slot.Monthly(new(10, 0));

        // 1 November 2026 is a Sunday; 1 August a Saturday; 1 December a Tuesday.
        Assert.Equal(Paris2026(11, 2, 10, 0), SlotClock.NextAfter(slot, Paris, Paris2026(10, 15, 0, 0)));
        Assert.Equal(Paris2026(8, 3, 10, 0), SlotClock.NextAfter(slot, Paris, Paris2026(7, 15, 0, 0)));
        Assert.Equal(Paris2026(12, 1, 10, 0), SlotClock.NextAfter(slot, Paris, Paris2026(11, 2, 10, 0)));
    }

    [Fact]
    public void Monthly_WithDaysAfter_IsAWeekAfterTheFirstWorkingDay()
    {
        Assert.Equal(Paris2026(11, 9, 10, 0), SlotClock.NextAfter(Slot.Monthly(new(10, 0), daysAfter: 7), Paris, Paris2026(11, 2, 10, 0)));
    }

    [Fact]
    public void Quarterly_FallsOnTheFirstWorkingDayOfTheQuarter()
    {
        // 1 January 2027 is a Friday.
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 14, 0, 0, TimeSpan.FromHours(1)),
            SlotClock.NextAfter(Slot.Quarterly(new(14, 0)), Paris, Paris2026(10, 2, 0, 0)));
    }

    [Fact]
    public void LastAtOrBefore_IsTheSlotALateFiringStandsFor()
    {
        var slot = Slot.Daily(new(9, 0));

        Assert.Equal(Paris2026(11, 21, 9, 0), SlotClock.LastAtOrBefore(slot, Paris, Paris2026(11, 21, 9, 0)));
        Assert.Equal(Paris2026(11, 20, 9, 0), SlotClock.LastAtOrBefore(slot, Paris, Paris2026(11, 21, 8, 59)));
    }
}
