using CmBot.Domain.Common;
using CmBot.Domain.Routines;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Routines;

public sealed class RoutinePeriodsTests
{
    // Thursday 31 December 2026, 23:30 UTC: already Friday 1 January 2027 in Paris.
    private static readonly DateTimeOffset NewYearsEveLate = new(2026, 12, 31, 23, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Cadence.Daily, "2027-01-01")]
    [InlineData(Cadence.Weekly, "2026-W53")]
    [InlineData(Cadence.Monthly, "2027-01")]
    [InlineData(Cadence.Quarterly, "2027-Q1")]
    public void PeriodKey_AcrossTheYearBoundary_IsReadInTheBrandsZone(Cadence cadence, string expected)
    {
        var paris = BrandTime.For("Europe/Paris", new ManualClock(NewYearsEveLate));

        Assert.Equal(expected, RoutinePeriods.KeyAt(cadence, paris, NewYearsEveLate));
    }

    [Theory]
    [InlineData(Cadence.Daily, "2026-12-31")]
    [InlineData(Cadence.Weekly, "2026-W53")]
    [InlineData(Cadence.Monthly, "2026-12")]
    [InlineData(Cadence.Quarterly, "2026-Q4")]
    public void PeriodKey_ForTheSameInstantInMontreal_IsStillTheOldYear(Cadence cadence, string expected)
    {
        var montreal = BrandTime.For("America/Montreal", new ManualClock(NewYearsEveLate));

        Assert.Equal(expected, RoutinePeriods.KeyAt(cadence, montreal, NewYearsEveLate));
    }

    [Fact]
    public void PeriodKey_AcrossAMonthBoundary_FollowsTheLocalDate()
    {
        // Monday 30 November 2026, 23:30 UTC = Tuesday 1 December, 00:30 in Paris.
        var instant = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);
        var paris = BrandTime.For("Europe/Paris", new ManualClock(instant));

        Assert.Equal("2026-12", RoutinePeriods.KeyAt(Cadence.Monthly, paris, instant));
        Assert.Equal("2026-12-01", RoutinePeriods.KeyAt(Cadence.Daily, paris, instant));
        Assert.Equal("2026-W49", RoutinePeriods.KeyAt(Cadence.Weekly, paris, instant));
        Assert.Equal("2026-Q4", RoutinePeriods.KeyAt(Cadence.Quarterly, paris, instant));
    }

    [Fact]
    public void MonthlyDue_FallsOnTheFirstWorkingDay_InLocalTime()
    {
        var paris = BrandTime.For("Europe/Paris", ManualClock.Default());
        var about = new Routine { Kind = RoutineKind.AboutReview, Cadence = Cadence.Monthly, Time = new(10, 0) };

        // 1 August 2026 is a Saturday: Monday 3 August, 10:00 in Paris (summer time, UTC+2).
        Assert.Equal(new DateTimeOffset(2026, 8, 3, 8, 0, 0, TimeSpan.Zero), RoutinePeriods.DueAt(about, paris, new DateOnly(2026, 8, 20)));
        // 1 December 2026 is a Tuesday, in winter time (UTC+1).
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), RoutinePeriods.DueAt(about, paris, new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void NextDue_OfAWeeklyRoutineWhoseSlotPassed_IsNextWeeksSlot()
    {
        var paris = BrandTime.For("Europe/Paris", ManualClock.Default()); // Saturday 21 November 2026, 10:00.
        var influencer = new Routine { Cadence = Cadence.Weekly, Day = DayOfWeek.Tuesday, Time = new(10, 0) };

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero), RoutinePeriods.NextDue(influencer, paris));
    }
}
