using System.Text.Json;
using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Common;
using CmBot.Domain.Numbers;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Numbers;

/// <summary>A brand importing hundreds of metrics gets a card a person can read: the headline metrics, then a count of the rest.</summary>
public sealed class NumbersCardCapTests
{
    private static readonly TeamNumbers NoTeam = new(0, null, 0, 0, 0, null, 0, 0, 0);

    /// <summary>The week's numbers of a brand with <paramref name="metrics"/> on each of <paramref name="networks"/>, every one up by 10.</summary>
    private static WeeklyNumbers Numbers(IEnumerable<string> metrics, params Network[] networks)
    {
        var names = metrics.ToList();
        var current = new Dictionary<(Network, string), double>();
        var previous = new Dictionary<(Network, string), double>();
        foreach (var network in networks)
        {
            foreach (var metric in names) (current[(network, metric)], previous[(network, metric)]) = (110, 100);
        }
        var (totals, perNetwork) = MetricSummary.Compare(current, previous);
        var spans = WeekSpans.ThisWeek(BrandTime.For("Europe/Paris", ManualClock.Default()));
        return new WeeklyNumbers(1, "Acme", spans, totals, perNetwork, NoTeam, NoTeam);
    }

    /// <summary>The seven well-known metrics and <paramref name="count"/> imported ones, the imported first so order is the card's doing.</summary>
    private static IEnumerable<string> KnownAnd(int count) =>
        Enumerable.Range(1, count).Select(i => $"imported_{i:000}").Concat(MetricLabels.Known);

    [Fact]
    public void Card_WithHundredsOfMetrics_ShowsTheWellKnownOnes_ThenCountsTheRest()
    {
        var card = NumbersCard.Build(Numbers(KnownAnd(221), Network.Instagram, Network.X), Language.En);

        Assert.Equal(
            ["Followers", "Impressions", "Reach", "Engagements", "Clicks", "Posts published", "Comments received", "…"],
            card.Facts.Select(f => f.Label));
        Assert.Equal("and 221 more metrics", card.Facts[^1].Value);
        var instagram = card.Sections.Single(s => s.Title == "Instagram");
        Assert.Equal(card.Facts.SkipLast(1).Select(f => f.Label), instagram.Facts.Select(f => f.Label));
    }

    [Fact]
    public void Card_NetworkSections_ShowTheTotalsMetrics_ThatTheNetworkHas()
    {
        var numbers = Numbers(MetricLabels.Known, Network.Facebook);
        var onX = Numbers([Metrics.Reach, "saves"], Network.X).Networks.Single();
        var onlyOthers = Numbers(["saves"], Network.Pinterest).Networks.Single();
        numbers = numbers with { Networks = [.. numbers.Networks, onX, onlyOthers] };

        var card = NumbersCard.Build(numbers, Language.En);

        Assert.Equal(["Reach"], card.Sections.Single(s => s.Title == "X").Facts.Select(f => f.Label));
        Assert.DoesNotContain(card.Sections, s => s.Title == "Pinterest");
        Assert.Equal(["Facebook", "X", "Team"], card.Sections.Select(s => s.Title));
    }

    [Fact]
    public void Card_CountsTheMetricsLeftOutOfTheComputation()
    {
        var numbers = Numbers(MetricLabels.Known, Network.Facebook) with { MetricsLeftOut = 5 };

        var card = NumbersCard.Build(numbers, Language.En);

        Assert.Equal(("…", "and 5 more metrics"), (card.Facts[^1].Label, card.Facts[^1].Value));
    }

    [Fact]
    public void Card_WithFewKnownMetrics_FillsUpWithOthersByName()
    {
        var card = NumbersCard.Build(Numbers(["saves", "reach", "shares", "video_views", "b", "a", "c", "d"], Network.LinkedIn), Language.En);

        Assert.Equal(["Reach", "a", "b", "c", "d", "saves", "shares", "…"], card.Facts.Select(f => f.Label));
        Assert.Equal("and 1 more metric", card.Facts[^1].Value);
        Assert.Equal(["Reach", "a", "b", "c", "d", "saves", "shares"], card.Sections.Single(s => s.Title == "LinkedIn").Facts.Select(f => f.Label));
    }

    [Fact]
    public void Card_WithinTheCap_ShowsEveryMetric_AndNoCountLine()
    {
        var card = NumbersCard.Build(Numbers(["reach", "saves"], Network.LinkedIn), Language.En);

        Assert.Equal(["Reach", "saves"], card.Facts.Select(f => f.Label));
        Assert.Equal(["Reach", "saves"], card.Sections.Single(s => s.Title == "LinkedIn").Facts.Select(f => f.Label));
    }

    [Fact]
    public void Card_InFrench_CountsTheRestInFrench()
    {
        var card = NumbersCard.Build(Numbers(KnownAnd(2), Network.Facebook), Language.Fr);

        Assert.Equal(("Abonnés", "et 2 autres statistiques"), (card.Facts[0].Label, card.Facts[^1].Value));
        Assert.Equal("et 1 autre statistique", MetricFacts.More(1, Language.Fr));
    }

    [Fact]
    public void Card_ForABrandWith228MetricsOnSixNetworks_StaysAFewKilobytes()
    {
        // The benchmark's big brand: it used to make a card of 1,603 facts and 121 KB, past Teams' ~28 KB limit.
        var card = NumbersCard.Build(Numbers(KnownAnd(221), Enum.GetValues<Network>()), Language.En);

        var facts = card.Facts.Count + card.Sections.Sum(s => s.Facts.Count);
        Assert.Equal(8 + 6 * 7 + 7, facts); // totals and the "more" line, six networks, the team
        Assert.True(JsonSerializer.Serialize(card).Length < 8_000, $"{JsonSerializer.Serialize(card).Length} characters");
    }
}
