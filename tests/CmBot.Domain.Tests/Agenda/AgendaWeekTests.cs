using CmBot.Domain.Agenda;
using CmBot.Domain.Tests.Support;
using static CmBot.Domain.Tests.Support.BrandBuilder;

namespace CmBot.Domain.Tests.Agenda;

public sealed class AgendaWeekTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ManualClock clock = ManualClock.Default();
    private readonly TestChannel chat;
    private readonly int brandId;

    public AgendaWeekTests()
    {
        chat = new TestChannel(store, clock);
        brandId = chat.WithDb(db => new BrandBuilder().WithMember(Ana).LinkedTo("test", "room-1").SaveIn(db)).Id;
    }

    [Fact]
    public async Task Agenda_NextWeek_CarriesOverTheUndiscussedItem_NotTheDiscussedOne()
    {
        await chat.Say(Ana, "agenda add Still to talk about");
        await chat.Say(Ana, "agenda add Settled already");
        await chat.Say(Ana, "agenda");
        await chat.ClickIn(Ana, chat.LastCard, "Settled already", "Mark discussed");

        clock.Advance(TimeSpan.FromDays(2)); // Monday 23 November: week 48.
        await chat.Say(Ana, "agenda");

        var card = chat.LastCard;
        Assert.Equal($"agenda-{brandId}-2026-W48", card.Key);
        var carried = Assert.Single(card.Sections, s => s.Title == "Still to talk about");
        Assert.Contains("carried over from week 47", carried.Text);
        Assert.DoesNotContain(card.Sections, s => s.Title == "Settled already");
        Assert.Equal(2, chat.WithDb(db => db.AgendaItems.Count())); // Shown again, not copied.
    }

    [Fact]
    public async Task CarriedOverItem_MarkedDiscussed_StaysOnThatWeeksCardTicked()
    {
        await chat.Say(Ana, "agenda add Old point");
        clock.Advance(TimeSpan.FromDays(2));
        await chat.Say(Ana, "agenda");

        await chat.Click(Ana, chat.LastCard, "Mark discussed");

        var section = Assert.Single(chat.LastCard.Sections, s => s.Title == "Old point");
        Assert.Contains("Discussed", section.Text);
    }

    [Fact]
    public async Task AgendaWeek_IsReadInTheBrandsZone_SundayNightUtcIsMondayInParis()
    {
        // Sunday 22 November 2026, 23:30 UTC = Monday 23 November, 00:30 in Paris (week 48).
        clock.Set(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero));

        await chat.Say(Ana, "agenda add Monday already");

        var item = chat.WithDb(db => db.AgendaItems.Single());
        Assert.Equal((2026, 48), (item.WeekYear, item.Week));
        await chat.Say(Ana, "agenda");
        Assert.Equal($"agenda-{brandId}-2026-W48", chat.LastCard.Key);
    }

    [Fact]
    public async Task AgendaWeek_ForABrandOnUtc_SundayNightIsStillSunday()
    {
        chat.WithDb(db => { db.Brands.Single().TimeZoneId = "Etc/UTC"; return db.SaveChanges(); });
        clock.Set(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero));

        await chat.Say(Ana, "agenda");

        Assert.Equal($"agenda-{brandId}-2026-W47", chat.LastCard.Key);
    }

    [Theory]
    [InlineData(2026, 12, 28, 2026, 53)]
    [InlineData(2027, 1, 3, 2026, 53)]
    [InlineData(2027, 1, 4, 2027, 1)]
    public void AgendaWeek_UsesIsoWeekNumbering(int year, int month, int day, int weekYear, int week)
    {
        var of = AgendaWeek.Of(new DateOnly(year, month, day));

        Assert.Equal(new AgendaWeek(weekYear, week), of);
        Assert.Equal(new AgendaWeek(2027, 1), new AgendaWeek(2026, 53).Next);
    }

    public void Dispose()
    {
        chat.Dispose();
        store.Dispose();
    }
}
