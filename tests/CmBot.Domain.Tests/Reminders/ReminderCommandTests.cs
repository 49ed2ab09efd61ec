using CmBot.Domain.Cards;
using CmBot.Domain.Conversations;
using CmBot.Domain.Tests.Support;
using static CmBot.Domain.Tests.Reminders.ReminderWorld;

namespace CmBot.Domain.Tests.Reminders;

public sealed class ReminderCommandTests : IDisposable
{
    // Saturday 21 November 2026, 10:00 in Paris.
    private readonly ReminderWorld world = new(Paris2026(11, 21, 10, 0));

    [Fact]
    public async Task AgendaTime_ByAnAdmin_MovesTheSlot_AndSignalsTheBrandAfterCommit()
    {
        var brand = world.AddBrand();
        world.Signal.Drain();

        var replies = await world.Say(BrandBuilder.Ana, "agenda time tuesday 14:15");

        var saved = world.WithDb(db => db.Brands.Single());
        Assert.Equal((DayOfWeek.Tuesday, new TimeOnly(14, 15)), (saved.SyncDay, saved.SyncTime));
        Assert.Contains("Next: Tue, Nov 24, 14:15", Assert.IsType<TextReply>(Assert.Single(replies)).Text);
        Assert.Equal([brand.Id], world.Signal.Drain().Distinct());
    }

    [Fact]
    public async Task AgendaTime_InFrench_ReadsLundi9h30()
    {
        world.AddBrand(b => b.InFrench());

        var replies = await world.Say(BrandBuilder.Ana, "ordre du jour heure lundi 9h30");

        Assert.Equal((DayOfWeek.Monday, new TimeOnly(9, 30)), world.WithDb(db => (db.Brands.Single().SyncDay, db.Brands.Single().SyncTime)));
        Assert.Contains("lun. 23 nov., 09:30", Assert.IsType<TextReply>(Assert.Single(replies)).Text);
    }

    [Fact]
    public async Task AgendaTime_ByANonAdmin_IsRefused_AndSignalsNothing()
    {
        world.AddBrand();
        world.Signal.Drain();

        var replies = await world.Say(BrandBuilder.Bob, "agenda time friday 16:00");

        Assert.Contains("admins", Assert.IsType<TextReply>(Assert.Single(replies)).Text);
        Assert.Equal(DayOfWeek.Monday, world.WithDb(db => db.Brands.Single().SyncDay));
        Assert.Empty(world.Signal.Drain());
    }

    [Fact]
    public async Task RoutinesOn_SignalsTheBrand_SoItsTriggersFollow()
    {
        var brand = world.AddBrand();
        await world.Say(BrandBuilder.Ana, "routines"); // creates the routine rows
        world.Signal.Drain();

        await world.Say(BrandBuilder.Ana, "routines on blog");

        Assert.Equal([brand.Id], world.Signal.Drain().Distinct());
    }

    [Fact]
    public async Task BrandSetTimezone_SignalsTheBrand_AndScheduleReadsTheNewZone()
    {
        var brand = world.AddBrand();
        world.Signal.Drain();

        await world.Say(BrandBuilder.Ana, "brand set timezone America/Montreal");
        var card = Assert.IsType<CardReply>(Assert.Single(await world.Say(BrandBuilder.Bob, "schedule"))).Card;

        Assert.Equal([brand.Id], world.Signal.Drain().Distinct());
        Assert.Equal("Acme · America/Montreal", card.Subtitle);
        Assert.Equal(("Weekly sync agenda", "Mon, Nov 23, 09:30"), (card.Facts[0].Label, card.Facts[0].Value));
    }

    [Fact]
    public async Task Schedule_ListsWhatComesNext_InLocalTime_SoonestFirst()
    {
        world.AddBrand();

        var card = Assert.IsType<CardReply>(Assert.Single(await world.Say(BrandBuilder.Bob, "schedule"))).Card;

        Assert.Equal(
        [
            ("Weekly sync agenda", "Mon, Nov 23, 09:30"),
            ("Influencer contact", "Tue, Nov 24, 10:00"),
            ("Influencer contact reminder (if not done)", "Fri, Nov 27, 10:00"),
            ("About pages review", "Tue, Dec 1, 10:00"),
            ("About pages reminder (if some are left)", "Tue, Dec 8, 10:00"),
        ], card.Facts.Select(f => (f.Label, f.Value)));
    }

    public void Dispose() => world.Dispose();
}
