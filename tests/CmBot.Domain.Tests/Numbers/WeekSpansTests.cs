using CmBot.Domain.Common;
using CmBot.Domain.Numbers;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Numbers;

public sealed class WeekSpansTests
{
    private static readonly DateTimeOffset SaturdayTenInParis = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ThisWeek_RunsFromMondayMidnightLocal_AgainstTheSameStretchLastWeek()
    {
        var spans = WeekSpans.ThisWeek(BrandTime.For("Europe/Paris", new ManualClock(SaturdayTenInParis)));

        Assert.Equal(DateTimeOffset.Parse("2026-11-15T23:00:00Z"), spans.Current.Start);
        Assert.Equal(SaturdayTenInParis, spans.Current.End);
        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 21)), (spans.Current.FirstDay, spans.Current.LastDay));
        Assert.Equal(DateTimeOffset.Parse("2026-11-08T23:00:00Z"), spans.Previous.Start);
        Assert.Equal(DateTimeOffset.Parse("2026-11-14T09:00:00Z"), spans.Previous.End);
        Assert.Equal((new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 14)), (spans.Previous.FirstDay, spans.Previous.LastDay));
        Assert.Equal(spans.Current.Days, spans.Previous.Days);
    }

    [Fact]
    public void ThisWeek_InMontreal_IsStillLastWeekInParisTerms()
    {
        // Monday 03:00 UTC: already Monday 04:00 in Paris, still Sunday 22:00 in Montreal.
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));

        var paris = WeekSpans.ThisWeek(BrandTime.For("Europe/Paris", clock));
        var montreal = WeekSpans.ThisWeek(BrandTime.For("America/Montreal", clock));

        Assert.Equal(new DateOnly(2026, 11, 23), paris.Current.FirstDay);
        Assert.Equal((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)), (montreal.Current.FirstDay, montreal.Current.LastDay));
        Assert.Equal(DateTimeOffset.Parse("2026-11-16T05:00:00Z"), montreal.Current.Start);
    }

    [Fact]
    public void ThisWeek_AcrossTheEndOfSummerTime_ComparesWithTheSameWallClockTime()
    {
        // Paris left summer time on Sunday 25 October 2026: a week earlier, 10:00 local was 08:00 UTC, not 09:00.
        var clock = new ManualClock(new DateTimeOffset(2026, 10, 31, 9, 0, 0, TimeSpan.Zero));

        var spans = WeekSpans.ThisWeek(BrandTime.For("Europe/Paris", clock));

        Assert.Equal(DateTimeOffset.Parse("2026-10-24T08:00:00Z"), spans.Previous.End);
        Assert.Equal(DateTimeOffset.Parse("2026-10-18T22:00:00Z"), spans.Previous.Start);
    }

    [Fact]
    public void LastWeek_IsTheLastFullWeekAgainstTheWeekBefore()
    {
        var spans = WeekSpans.LastWeek(BrandTime.For("Europe/Paris", new ManualClock(SaturdayTenInParis)));

        Assert.True(spans.IsLastWeek);
        Assert.Equal((new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15)), (spans.Current.FirstDay, spans.Current.LastDay));
        Assert.Equal(DateTimeOffset.Parse("2026-11-15T23:00:00Z"), spans.Current.End);
        Assert.Equal((new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 8)), (spans.Previous.FirstDay, spans.Previous.LastDay));
    }

    [Theory]
    [InlineData("2026-11-21", "2026-11-21T23:00:00Z")]
    [InlineData("2026-W47", "2026-11-22T23:00:00Z")]
    [InlineData("2026-11", "2026-11-30T23:00:00Z")]
    [InlineData("2026-Q4", "2026-12-31T23:00:00Z")]
    [InlineData("whenever", "2026-11-19T23:00:00Z")]
    public void RoutinePeriod_EndsAtLocalMidnightAfterIt(string period, string expectedEnd)
    {
        var time = BrandTime.For("Europe/Paris", new ManualClock(SaturdayTenInParis));

        var end = RoutinePeriods.EndOf(period, DateTimeOffset.Parse("2026-11-19T09:00:00Z"), time);

        Assert.Equal(DateTimeOffset.Parse(expectedEnd), end);
    }
}
