using CmBot.Domain.Reminders;
using CmBot.Domain.Store;
using CmBot.Domain.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Quartz;
using static CmBot.Domain.Tests.Reminders.ReminderWorld;

namespace CmBot.Domain.Tests.Reminders;

/// <summary>Quartz on the SQLite store our migrations make: triggers in the brand's zone, kept across a restart, a missed one fired once.</summary>
public sealed class QuartzStoreTests : IDisposable
{
    private readonly TestStore store = new();

    private int AddBrand(string zone, DayOfWeek day, TimeOnly time, DateTimeOffset createdAt)
    {
        using var db = store.NewDb();
        var brand = new BrandBuilder(createdAt: createdAt).InZone(zone).LinkedTo("test", "room-1").LinkedTo("slack", "C-1").Build();
        brand.SyncDay = day;
        brand.SyncTime = time;
        db.Brands.Add(brand);
        db.SaveChanges();
        return brand.Id;
    }

    private static async Task<ITrigger> TriggerOf(IScheduler scheduler, int brandId, string name) =>
        await scheduler.GetTrigger(new TriggerKey(name, ReminderScheduler.GroupOf(brandId))) ?? throw new InvalidOperationException($"no trigger {name}");

    [Fact]
    public async Task QuartzKeepsItsTriggersInAFileOfItsOwn_SoItsWriteLockHoldsUpNoRequest()
    {
        var clock = new ManualClock(Paris2026(11, 21, 10, 0));
        AddBrand("Europe/Paris", DayOfWeek.Monday, new(9, 30), clock.GetUtcNow());
        await using var node = new QuartzNode(store.Options, clock, "solo");
        await node.Reminders.SyncAllAsync(CancellationToken.None);

        await using var quartz = new SqliteConnection(QuartzSqliteFile.ConnectionStringFor(store.Options.ConnectionString));
        await quartz.OpenAsync();
        Assert.True(Scalar(quartz, "SELECT COUNT(*) FROM QRTZ_TRIGGERS") > 0);
        await using (var product = new SqliteConnection(store.Options.ConnectionString))
        {
            await product.OpenAsync();
            Assert.Equal(0, Scalar(product, "SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'QRTZ%'"));
        }

        // A Quartz transaction under way (under load one lasted 30-80 ms): it holds its file's writer, not the product's.
        await using var transaction = await quartz.BeginTransactionAsync();
        var brandAdded = Task.Run(() => AddBrand("Europe/Paris", DayOfWeek.Tuesday, new(10, 0), clock.GetUtcNow()));
        Assert.Same(brandAdded, await Task.WhenAny(brandAdded, Task.Delay(TimeSpan.FromSeconds(3))));
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task Sync_SchedulesEachReminderAtItsNextSlot_InTheBrandsZone_AcrossTheSpringChange()
    {
        // Saturday 7 March 2026 in Montreal; the clocks go forward on Sunday the 8th.
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.FromHours(-5)));
        var brandId = AddBrand("America/Montreal", DayOfWeek.Monday, new(9, 30), clock.GetUtcNow());
        await using var node = new QuartzNode(store.Options, clock, "solo");

        await node.Reminders.SyncAllAsync(CancellationToken.None);

        var scheduler = await node.Scheduler();
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 30, 0, TimeSpan.FromHours(-4)), (await TriggerOf(scheduler, brandId, "agenda")).NextFireTimeUtc);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(-4)), (await TriggerOf(scheduler, brandId, "routine-InfluencerContact")).NextFireTimeUtc);
        var fires = await node.Reminders.NextFiresAsync(CancellationToken.None);
        var agenda = Assert.Single(fires, f => f.BrandId == brandId && f.Job == "agenda");
        Assert.Equal("2026-03-09T09:30:00.0000000-04:00", agenda.NextFire!.Value.ToString("O"));
        Assert.Contains(fires, f => f.BrandId is null && f.Job == ReminderScheduler.CommentJob.Name);
    }

    [Fact]
    public async Task Sync_AgainWithTheSameSlots_KeepsTheTriggers_ButASlotChangeMovesThem()
    {
        var clock = new ManualClock(Paris2026(11, 21, 10, 0));
        var brandId = AddBrand("Europe/Paris", DayOfWeek.Monday, new(9, 30), clock.GetUtcNow());
        await using var node = new QuartzNode(store.Options, clock, "solo");
        await node.Reminders.SyncAllAsync(CancellationToken.None);

        clock.Set(Paris2026(11, 23, 12, 0)); // the bot was down through Monday's slot
        await node.Reminders.SyncAllAsync(CancellationToken.None);
        var scheduler = await node.Scheduler();
        Assert.Equal(Paris2026(11, 23, 9, 30), (await TriggerOf(scheduler, brandId, "agenda")).NextFireTimeUtc); // still owed

        using (var db = store.NewDb())
        {
            db.Brands.Single().SyncDay = DayOfWeek.Wednesday;
            db.SaveChanges();
        }
        await node.Reminders.SyncBrandAsync(brandId, CancellationToken.None);
        Assert.Equal(Paris2026(11, 25, 9, 30), (await TriggerOf(scheduler, brandId, "agenda")).NextFireTimeUtc);
    }

    [Fact]
    public async Task Restart_AfterASlotWasMissed_FiresItOnce_AndArmsTheNextOne()
    {
        var now = DateTimeOffset.UtcNow;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var missed = TimeZoneInfo.ConvertTime(now.AddHours(-2), zone);
        var slot = new DateTimeOffset(missed.Year, missed.Month, missed.Day, missed.Hour, missed.Minute, 0, missed.Offset);
        var clock = new ManualClock(slot.AddHours(-1));
        var brandId = AddBrand("Europe/Paris", slot.DayOfWeek, TimeOnly.FromDateTime(slot.DateTime), clock.GetUtcNow());
        await using (var before = new QuartzNode(store.Options, clock, "solo"))
            await before.Reminders.SyncAllAsync(CancellationToken.None); // scheduled, then the host went down

        clock.Set(now);
        await using var after = new QuartzNode(store.Options, clock, "solo");
        var scheduler = await after.Scheduler();
        await scheduler.Start();
        await WaitFor(() => Posts(brandId) >= 1);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(2, Outbox(brandId)); // the agenda, once, to each of the two channels
        Assert.Equal(1, Posts(brandId));
        Assert.Equal(slot.AddDays(7), (await TriggerOf(scheduler, brandId, "agenda")).NextFireTimeUtc);
    }

    [Fact]
    public async Task Restart_AfterTheHorizon_PostsNothing_ButArmsTheNextSlot()
    {
        var now = DateTimeOffset.UtcNow;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var missed = TimeZoneInfo.ConvertTime(now.AddHours(-13), zone);
        var slot = new DateTimeOffset(missed.Year, missed.Month, missed.Day, missed.Hour, missed.Minute, 0, missed.Offset);
        var clock = new ManualClock(slot.AddHours(-1));
        var brandId = AddBrand("Europe/Paris", slot.DayOfWeek, TimeOnly.FromDateTime(slot.DateTime), clock.GetUtcNow());
        await using (var before = new QuartzNode(store.Options, clock, "solo"))
            await before.Reminders.SyncAllAsync(CancellationToken.None);

        clock.Set(now);
        await using var after = new QuartzNode(store.Options, clock, "solo");
        var scheduler = await after.Scheduler();
        await scheduler.Start();
        await WaitFor(async () => (await TriggerOf(scheduler, brandId, "agenda")).NextFireTimeUtc > now);

        Assert.Equal(0, Outbox(brandId));
        Assert.Equal(slot.AddDays(7), (await TriggerOf(scheduler, brandId, "agenda")).NextFireTimeUtc);
    }

    private int Outbox(int brandId)
    {
        using var db = store.NewDb();
        return db.OutboxMessages.Count();
    }

    private int Posts(int brandId)
    {
        using var db = store.NewDb();
        return db.Set<ReminderPost>().Count(p => p.BrandId == brandId);
    }

    private static Task WaitFor(Func<bool> done) => WaitFor(() => Task.FromResult(done()));

    private static async Task WaitFor(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Quartz did not get there in 30 seconds.");
            await Task.Delay(200);
        }
    }

    public void Dispose() => store.Dispose();
}
