using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Numbers;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Numbers;

public sealed class NumbersConversationTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ManualClock clock = ManualClock.Default();
    private readonly List<TestChannel> rooms = [];

    private (TestChannel Chat, int BrandId) Room(string room, Func<BrandBuilder, BrandBuilder> shape, string name = "Acme")
    {
        var chat = new TestChannel(store, clock, room);
        rooms.Add(chat);
        var id = chat.WithDb(db => shape(new BrandBuilder(name)).WithMember(BrandBuilder.Ana).LinkedTo("test", room).SaveIn(db).Id);
        return (chat, id);
    }

    private static string Fact(Card card, string label) => card.Facts.Single(f => f.Label == label).Value.Plain();

    private static string Fact(Card card, string section, string label) =>
        card.Sections.Single(s => s.Title == section).Facts.Single(f => f.Label == label).Value.Plain();

    [Fact]
    public async Task Numbers_ComparesThisWeekWithTheSameDaysOfLastWeek()
    {
        var (chat, id) = Room("room-1", b => b);
        chat.WithDb(db =>
        {
            db.Sample(id, Network.Instagram, Metrics.Impressions, "2026-11-16", 700);
            db.Sample(id, Network.Instagram, Metrics.Impressions, "2026-11-21", 500);
            db.Sample(id, Network.Instagram, Metrics.Impressions, "2026-11-09", 800);
            db.Sample(id, Network.Instagram, Metrics.Impressions, "2026-11-15", 9999); // the Sunday after last week's twin span
            db.Sample(id, Network.X, Metrics.Impressions, "2026-11-17", 300);
            return 0;
        });

        await chat.Say(BrandBuilder.Ana, "numbers");

        var card = chat.LastCard;
        Assert.Equal($"numbers-{id}-2026-W47", card.Key);
        Assert.Equal(CardKind.Numbers, card.Kind);
        Assert.Equal("This week's numbers · Acme", card.Title);
        Assert.Equal("Mon, Nov 16 – Sat, Nov 21, until 10:00 · compared with Mon, Nov 9 – Sat, Nov 14, until 10:00", card.Subtitle);
        Assert.Equal("1,500 · ▲ 700 (+87.5%)", Fact(card, "Impressions"));
        Assert.Equal("1,200 · ▲ 400 (+50%)", Fact(card, "Instagram", "Impressions"));
        Assert.Equal("300 · new", Fact(card, "X", "Impressions"));
    }

    [Fact]
    public async Task Numbers_ReadsTheWeekInTheBrandsTimeZone()
    {
        // Monday 03:00 UTC: Monday already in Paris, still Sunday in Montreal.
        clock.Set(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
        var (paris, parisId) = Room("room-paris", b => b.InZone("Europe/Paris"), "Paris Co");
        var (montreal, montrealId) = Room("room-mtl", b => b.InZone("America/Montreal"), "Montreal Co");
        foreach (var id in new[] { parisId, montrealId })
        {
            paris.WithDb(db =>
            {
                db.Sample(id, Network.Facebook, Metrics.Clicks, "2026-11-23", 100);
                db.Sample(id, Network.Facebook, Metrics.Clicks, "2026-11-22", 500);
                db.Sample(id, Network.Facebook, Metrics.Clicks, "2026-11-16", 50);
                db.Sample(id, Network.Facebook, Metrics.Clicks, "2026-11-15", 70);
                return 0;
            });
        }

        await paris.Say(BrandBuilder.Ana, "numbers");
        await montreal.Say(BrandBuilder.Ana, "numbers");

        Assert.Equal("100 · ▲ 50 (+100%)", Fact(paris.LastCard, "Clicks"));
        Assert.Equal($"numbers-{parisId}-2026-W48", paris.LastCard.Key);
        Assert.Equal("550 · ▲ 480 (+685.7%)", Fact(montreal.LastCard, "Clicks"));
        Assert.Equal($"numbers-{montrealId}-2026-W47", montreal.LastCard.Key);
    }

    [Fact]
    public async Task Numbers_TakesFollowersAsALevel_OnTheLatestDayOfEachSpan()
    {
        var (chat, id) = Room("room-1", b => b);
        chat.WithDb(db =>
        {
            db.Sample(id, Network.Facebook, Metrics.Followers, "2026-11-16", 1000);
            db.Sample(id, Network.Facebook, Metrics.Followers, "2026-11-20", 1020);
            db.Sample(id, Network.Facebook, Metrics.Followers, "2026-11-18", 1010);
            db.Sample(id, Network.Facebook, Metrics.Followers, "2026-11-09", 950);
            db.Sample(id, Network.Facebook, Metrics.Followers, "2026-11-14", 990);
            db.Sample(id, Network.Instagram, Metrics.Followers, "2026-11-21", 500);
            db.Sample(id, Network.Instagram, Metrics.Followers, "2026-11-13", 480);
            return 0;
        });

        await chat.Say(BrandBuilder.Ana, "stats");

        Assert.Equal("1,020 · ▲ 30 (+3%)", Fact(chat.LastCard, "Facebook", "Followers"));
        Assert.Equal("1,520 · ▲ 50 (+3.4%)", Fact(chat.LastCard, "Followers"));
    }

    [Fact]
    public async Task Numbers_InFrench_FormatsTheFrenchWay()
    {
        var (chat, id) = Room("room-1", b => b.InFrench());
        chat.WithDb(db =>
        {
            db.Sample(id, Network.LinkedIn, Metrics.Reach, "2026-11-17", 1234);
            db.Sample(id, Network.LinkedIn, Metrics.Reach, "2026-11-10", 1097);
            db.Sample(id, Network.LinkedIn, Metrics.Engagements, "2026-11-17", 40);
            db.Sample(id, Network.LinkedIn, Metrics.Engagements, "2026-11-10", 48);
            db.Sample(id, Network.LinkedIn, "saves", "2026-11-17", 7);
            return 0;
        });

        await chat.Say(BrandBuilder.Ana, "chiffres");

        var card = chat.LastCard;
        Assert.Equal("Chiffres de la semaine · Acme", card.Title);
        Assert.StartsWith("lun. 16 nov. – sam. 21 nov., jusqu'à 10:00", card.Subtitle);
        Assert.Equal("1 234 · ▲ 137 (+12,5 %)", Fact(card, "Portée"));
        Assert.Equal("40 · ▼ 8 (−16,7 %)", Fact(card, "Interactions"));
        Assert.Equal("7 · nouveau", Fact(card, "saves"));
        Assert.Contains(card.Sections, s => s.Title == "Équipe");
    }

    [Fact]
    public async Task Numbers_ForABrandWithManyMetrics_ShowsTheWellKnownOnes_AndCountsTheRest()
    {
        var (chat, id) = Room("room-1", b => b);
        chat.WithDb(db =>
        {
            foreach (var metric in MetricLabels.Known.Concat(["saves", "shares"]))
                db.Sample(id, Network.Instagram, metric, "2026-11-17", 10);
            db.Sample(id, Network.Pinterest, "pins", "2026-11-17", 4);
            return 0;
        });

        await chat.Say(BrandBuilder.Ana, "numbers");

        var card = chat.LastCard;
        Assert.Equal(MetricFacts.MaxShown + 1, card.Facts.Count);
        Assert.Equal("10 · new", Fact(card, "Instagram", "Reach"));
        Assert.Equal("and 3 more metrics", Fact(card, "…"));
        Assert.DoesNotContain(card.Sections, s => s.Title == "Pinterest");
    }

    [Fact]
    public async Task NumbersLastWeek_ShowsTheLastFullWeek()
    {
        var (chat, id) = Room("room-1", b => b);
        chat.WithDb(db =>
        {
            db.Sample(id, Network.X, Metrics.PostsPublished, "2026-11-15", 4);
            db.Sample(id, Network.X, Metrics.PostsPublished, "2026-11-16", 40);
            db.Sample(id, Network.X, Metrics.PostsPublished, "2026-11-08", 2);
            return 0;
        });

        await chat.Say(BrandBuilder.Ana, "numbers last week");

        Assert.Equal("Last week's numbers · Acme", chat.LastCard.Title);
        Assert.Equal($"numbers-{id}-2026-W46", chat.LastCard.Key);
        Assert.Equal("Mon, Nov 9 – Sun, Nov 15 · compared with Mon, Nov 2 – Sun, Nov 8", chat.LastCard.Subtitle);
        Assert.Equal("4 · ▲ 2 (+100%)", Fact(chat.LastCard, "Posts published"));
    }

    [Fact]
    public async Task Numbers_ForAnotherBrandByName_OnlyForItsMembers()
    {
        var (chat, _) = Room("room-1", b => b);
        chat.WithDb(db => new BrandBuilder("Globex").InFrench().WithMember(BrandBuilder.Bob).SaveIn(db));

        await chat.Say(BrandBuilder.Bob, "numbers semaine dernière globex");
        Assert.Equal("Chiffres de la semaine dernière · Globex", chat.LastCard.Title);

        await chat.Say(BrandBuilder.Ana, "numbers Globex");
        Assert.Equal("I don't know a brand called \"Globex\" that you are a member of.", chat.LastText);
    }

    public void Dispose()
    {
        foreach (var room in rooms) room.Dispose();
        store.Dispose();
    }
}
