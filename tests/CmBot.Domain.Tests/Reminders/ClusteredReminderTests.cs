using System.Collections.Concurrent;
using CmBot.Domain.Reminders;
using CmBot.Domain.Routines;
using CmBot.Domain.Store;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quartz;

namespace CmBot.Domain.Tests.Reminders;

/// <summary>
/// Two hosts' worth of Quartz (two schedulers, instance ids "node-a" and "node-b", clustered) on one
/// PostgreSQL database: every reminder is posted exactly once. Needs CMBOT_TEST_POSTGRES; each run works in
/// a database of its own, dropped at the end.
/// </summary>
public sealed class ClusteredReminderTests : IAsyncLifetime
{
    private const int Brands = 6;
    private string database = "";
    private StoreOptions store = new();

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is not { } server) return;
        database = $"cmbot_cluster_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }
        store = new StoreOptions { Provider = "PostgreSQL", ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString };
        await using var db = new CmBotDb(store.DbContextOptions());
        StoreMigrator.Migrate(db);
    }

    [PostgresFact]
    public async Task TwoClusteredSchedulers_PostEachReminderExactlyOnce()
    {
        // Every brand's agenda and influencer card fall in the current minute, already due when the nodes start.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone);
        var slot = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, local.Offset);
        var clock = new ManualClock(slot.AddSeconds(-1));
        await using (var db = new CmBotDb(store.DbContextOptions()))
        {
            for (var i = 0; i < Brands; i++)
            {
                var brand = new BrandBuilder($"Brand {i}", clock.GetUtcNow()).LinkedTo("test", $"room-{i}").LinkedTo("slack", $"C-{i}").Build();
                (brand.SyncDay, brand.SyncTime) = (slot.DayOfWeek, TimeOnly.FromDateTime(slot.DateTime));
                db.Brands.Add(brand);
            }
            await db.SaveChangesAsync();
            foreach (var brand in await db.Brands.ToListAsync())
            {
                var routines = await RoutineSetup.EnsureAsync(db, brand.Id, CancellationToken.None);
                foreach (var routine in routines) (routine.Day, routine.Time) = (slot.DayOfWeek, TimeOnly.FromDateTime(slot.DateTime));
            }
            await db.SaveChangesAsync();
        }

        await using var a = new QuartzNode(store, clock, "node-a");
        await using var b = new QuartzNode(store, clock, "node-b");
        // Both hosts sync on start, as ReminderScheduleWorker does.
        await Task.WhenAll(a.Reminders.SyncAllAsync(CancellationToken.None), b.Reminders.SyncAllAsync(CancellationToken.None));
        clock.Set(DateTimeOffset.UtcNow);
        var (schedulerA, schedulerB) = (await a.Scheduler(), await b.Scheduler());
        var firings = new ConcurrentBag<(string Node, TriggerKey Trigger)>();
        var brandJob = new IMatcher<JobKey>[] { NameMatcher<JobKey>.NameEquals(ReminderScheduler.BrandJob.Name) };
        schedulerA.ListenerManager.AddJobListener(new FiringCounter("a", firings), brandJob);
        schedulerB.ListenerManager.AddJobListener(new FiringCounter("b", firings), brandJob);
        await Task.WhenAll(schedulerA.Start().AsTask(), schedulerB.Start().AsTask());

        var expectedPosts = Brands * 2; // the agenda and the influencer card of each brand
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Count(db => db.Set<ReminderPost>().Count()) < expectedPosts && DateTime.UtcNow < deadline) await Task.Delay(250);
        await Task.Delay(TimeSpan.FromSeconds(3)); // time for a second firing, were there one

        Assert.Equal(expectedPosts, Count(db => db.Set<ReminderPost>().Count()));
        Assert.Equal(expectedPosts * 2, Count(db => db.OutboxMessages.Count())); // two channels a brand, once each
        // Quartz's clustering, not only our keys: each trigger fired on one node, once.
        Assert.Equal(expectedPosts, firings.Count);
        Assert.Equal(expectedPosts, firings.Select(f => f.Trigger).Distinct().Count());
        var perConversation = Count(db => db.OutboxMessages.GroupBy(m => new { m.ConversationId, m.CardKey }).Count(g => g.Count() > 1));
        Assert.Equal(0, perConversation);
        Assert.Equal((ReminderQuartz.SchedulerName, "node-a", "node-b"), (schedulerA.SchedulerName, schedulerA.SchedulerInstanceId, schedulerB.SchedulerInstanceId));
    }

    private int Count(Func<CmBotDb, int> query)
    {
        using var db = new CmBotDb(store.DbContextOptions());
        return query(db);
    }

    public async Task DisposeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is not { } server || database.Length == 0) return;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
    }
}
