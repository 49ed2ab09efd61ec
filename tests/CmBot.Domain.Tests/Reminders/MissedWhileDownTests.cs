using CmBot.Domain.Reminders;
using CmBot.Domain.Routines;
using static CmBot.Domain.Tests.Reminders.ReminderWorld;

namespace CmBot.Domain.Tests.Reminders;

/// <summary>
/// A firing that comes late (Quartz fires a missed one-shot trigger once, on return) posts for the latest
/// passed slot, once, and nothing when that slot is older than the horizon.
/// </summary>
public sealed class MissedWhileDownTests : IDisposable
{
    private readonly ReminderWorld world = new(Paris2026(11, 23, 15, 0), new ReminderOptions { MissedHorizon = TimeSpan.FromHours(12) });

    [Fact]
    public async Task Agenda_MissedThisMorning_IsPostedOnceOnReturn()
    {
        var brand = world.AddBrand();

        var outcome = await world.Fire(brand.Id, "agenda", Paris2026(11, 23, 9, 30));

        Assert.Equal(ReminderOutcome.Posted, outcome);
        Assert.Equal(2, world.Outbox().Count);
        Assert.Equal(Paris2026(11, 23, 9, 30), world.WithDb(db => db.Set<ReminderPost>().Single().SlotAt));
    }

    [Fact]
    public async Task Agenda_MissedLongerAgoThanTheHorizon_IsNotPosted()
    {
        var brand = world.AddBrand();
        world.Clock.Set(Paris2026(11, 23, 21, 31)); // 12 hours and a minute late

        Assert.Equal(ReminderOutcome.TooOld, await world.Fire(brand.Id, "agenda", Paris2026(11, 23, 9, 30)));
        Assert.Empty(world.Outbox());
    }

    [Fact]
    public async Task Agenda_JustInsideTheHorizon_IsPosted()
    {
        var brand = world.AddBrand();
        world.Clock.Set(Paris2026(11, 23, 21, 29));

        Assert.Equal(ReminderOutcome.Posted, await world.Fire(brand.Id, "agenda", Paris2026(11, 23, 9, 30)));
    }

    [Fact]
    public async Task DailyRoutine_DownForThreeDays_PostsOnceForTodaysSlot()
    {
        var brand = world.AddBrand();
        world.WithDb(db =>
        {
            RoutineSetup.EnsureAsync(db, brand.Id, CancellationToken.None).GetAwaiter().GetResult()
                .Single(r => r.Kind == RoutineKind.AdCheck).Enabled = true;
            return db.SaveChanges();
        });
        world.Clock.Set(Paris2026(11, 23, 10, 0));

        // The trigger still holds Friday's slot; Friday, Saturday, Sunday and this morning were missed.
        var outcome = await world.Fire(brand.Id, "routine-AdCheck", Paris2026(11, 20, 9, 0));
        var refire = await world.Fire(brand.Id, "routine-AdCheck", Paris2026(11, 20, 9, 0));

        Assert.Equal((ReminderOutcome.Posted, ReminderOutcome.AlreadyPosted), (outcome, refire));
        Assert.Equal(2, world.Outbox().Count); // one card, to each of the two linked channels
        var post = world.WithDb(db => db.Set<ReminderPost>().Single());
        Assert.Equal(Paris2026(11, 23, 9, 0), post.SlotAt);
        Assert.Equal("2026-11-23", world.WithDb(db => db.RoutineOccurrences.Single().Period));
    }

    [Fact]
    public void SlotToPost_OnTime_IsTheScheduledSlot()
    {
        var reminder = new PlannedReminder(1, ReminderKind.Agenda, null, Slot.Weekly(DayOfWeek.Monday, new(9, 30)), "Europe/Paris");

        Assert.Equal(Paris2026(11, 23, 9, 30), ReminderFiring.SlotToPost(reminder, Paris2026(11, 23, 9, 30), Paris2026(11, 23, 9, 30).AddSeconds(2), TimeSpan.FromHours(12)));
        Assert.Null(ReminderFiring.SlotToPost(reminder, Paris2026(11, 16, 9, 30), Paris2026(11, 22, 9, 30), TimeSpan.FromHours(12)));
    }

    public void Dispose() => world.Dispose();
}
