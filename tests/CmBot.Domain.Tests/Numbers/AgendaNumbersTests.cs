using CmBot.Domain.Brands;
using CmBot.Domain.Numbers;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Numbers;

public sealed class AgendaNumbersTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly TestChannel chat;

    public AgendaNumbersTests() => chat = new TestChannel(store, ManualClock.Default());

    [Fact]
    public async Task Agenda_ShowsLastWeeksNumbersAgainstTheWeekBefore()
    {
        var id = chat.WithDb(db => new BrandBuilder().WithMember(BrandBuilder.Ana).LinkedTo("test", "room-1").SaveIn(db).Id);
        chat.WithDb(db =>
        {
            db.Sample(id, Network.Instagram, Metrics.Impressions, "2026-11-10", 300); // last week (W46)
            db.Sample(id, Network.Instagram, Metrics.Impressions, "2026-11-03", 200); // the week before (W45)
            db.Sample(id, Network.Instagram, Metrics.Impressions, "2026-11-17", 5000); // this week: not the sync's business
            return 0;
        });

        await chat.Say(BrandBuilder.Ana, "agenda");

        var numbers = chat.LastCard.Sections.Single(s => s.Title == "Last week's numbers");
        Assert.Equal("300 · ▲ 100 (+50%)", numbers.Facts.Single(f => f.Label == "Impressions").Value.Plain());
    }

    [Fact]
    public async Task Agenda_WithManyMetrics_ShowsTheWellKnownOnes_ThenCountsTheRest()
    {
        var id = chat.WithDb(db => new BrandBuilder().WithMember(BrandBuilder.Ana).LinkedTo("test", "room-1").SaveIn(db).Id);
        chat.WithDb(db =>
        {
            foreach (var metric in MetricLabels.Known.Concat(["saves", "shares", "video_views"]))
                db.Sample(id, Network.Instagram, metric, "2026-11-10", 10);
            return 0;
        });

        await chat.Say(BrandBuilder.Ana, "agenda");

        var numbers = chat.LastCard.Sections.Single(s => s.Title == "Last week's numbers");
        Assert.DoesNotContain(numbers.Facts, f => f.Label == "saves");
        Assert.Contains(numbers.Facts, f => f.Value == "and 3 more metrics");
        Assert.Contains(numbers.Facts, f => f.Label == "Drafts approved"); // the team's numbers still follow
    }

    public void Dispose()
    {
        chat.Dispose();
        store.Dispose();
    }
}
