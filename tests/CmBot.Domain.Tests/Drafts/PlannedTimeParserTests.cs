using CmBot.Domain.Common;
using CmBot.Domain.Drafts;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Drafts;

/// <summary>The default clock reads Saturday 21 November 2026, 10:00 in Paris (UTC+1).</summary>
public sealed class PlannedTimeParserTests
{
    private readonly BrandTime paris = BrandTime.For("Europe/Paris", ManualClock.Default());

    [Theory]
    [InlineData("tomorrow 10:00", "2026-11-22T10:00:00+01:00")]
    [InlineData("Demain à 10h30", "2026-11-22T10:30:00+01:00")]
    [InlineData("tomorow 9h", "2026-11-22T09:00:00+01:00")]
    [InlineData("2026-11-30 14:00", "2026-11-30T14:00:00+01:00")]
    [InlineData("30/11/2026 14h", "2026-11-30T14:00:00+01:00")]
    [InlineData("30/11 2pm", "2026-11-30T14:00:00+01:00")]
    [InlineData("lundi 9:30", "2026-11-23T09:30:00+01:00")]
    [InlineData("monday at 9:30", "2026-11-23T09:30:00+01:00")]
    [InlineData("saturday 9:30", "2026-11-28T09:30:00+01:00")]
    [InlineData("today 18:00", "2026-11-21T18:00:00+01:00")]
    [InlineData("aujourd'hui 18h", "2026-11-21T18:00:00+01:00")]
    [InlineData("15:00", "2026-11-21T15:00:00+01:00")]
    [InlineData("08:00", "2026-11-22T08:00:00+01:00")]
    public void TryParse_ReadsTimesInTheBrandsZone(string typed, string expected)
    {
        Assert.True(PlannedTimeParser.TryParse(typed, paris, out var planned));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), planned);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("Aucune")]
    public void TryParse_None_MeansNotPlanned(string typed)
    {
        Assert.True(PlannedTimeParser.TryParse(typed, paris, out var planned));
        Assert.Null(planned);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("tomorrow")]
    [InlineData("14")]
    [InlineData("25:00")]
    [InlineData("32/11 10:00")]
    [InlineData("tomorrow 10:00 please")]
    public void TryParse_RefusesWhatIsNoTime(string typed) =>
        Assert.False(PlannedTimeParser.TryParse(typed, paris, out _));
}
