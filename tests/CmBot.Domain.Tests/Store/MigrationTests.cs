using CmBot.Domain.Brands;
using CmBot.Domain.Routines;
using CmBot.Domain.Store;
using CmBot.Domain.Store.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CmBot.Domain.Tests.Store;

public sealed class MigrationTests : IDisposable
{
    private readonly List<string> files = [];

    private CmBotDb NewDb()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cmbot-migration-{Guid.NewGuid():N}.db");
        files.Add(path);
        return Open(path);
    }

    private static CmBotDb Open(string path) => new(new StoreOptions { ConnectionString = $"Data Source={path}" }.DbContextOptions());

    [Fact]
    public void Migrations_OnAnEmptyDatabase_YieldTheModelsSchema()
    {
        using var migrated = NewDb();
        using var fromModel = NewDb();
        migrated.Database.Migrate();
        fromModel.Database.EnsureCreated();

        var expected = SqliteSchema.Read(fromModel);
        var actual = SqliteSchema.Read(migrated);

        Assert.Empty(expected.Except(actual)); // in the model, missing from the migrations
        Assert.Empty(actual.Except(expected)); // in the migrations, not in the model
    }

    [Fact]
    public void Migrations_AreAllKnownAndApplied()
    {
        using var db = NewDb();
        db.Database.Migrate();

        Assert.Equal([Initial.Id, ChannelsAndDelivery.Id, ReminderJobs.Id, DataIn.Id, InboxEntries.Id, NumbersIndexes.Id, DueIndexes.Id, PendingByConversation.Id, QuartzOwnSqliteFile.Id, InboxInConversationOrder.Id], db.Database.GetAppliedMigrations());
        Assert.Empty(db.Database.GetPendingMigrations());
    }

    [Fact]
    public void DatabaseAtThePreviousMigration_UpgradesWithoutLosingRows()
    {
        using (var old = NewDb())
        {
            old.GetService<IMigrator>().Migrate(Initial.Id);
            old.Database.ExecuteSqlRaw("""
                INSERT INTO Brands (Id, Name, TimeZoneId, Language, ReplyDeadlineMinutes, SyncDay, SyncTime, AnyoneMayApprove, AuthorMayApproveOwn, AlertWords, CreatedAt)
                VALUES (1, 'Acme', 'Europe/Paris', 'Fr', 60, 'Monday', '09:30:00', 0, 0, '["refund"]', 1763715600000);
                INSERT INTO Routines (Id, BrandId, Kind, Enabled, Cadence, Day, Time) VALUES (1, 1, 'InfluencerContact', 1, 'Weekly', 'Tuesday', '10:00:00');
                INSERT INTO RoutineOccurrences (Id, RoutineId, BrandId, Period, DueAt, State, Version) VALUES (1, 1, 1, '2026-W47', 1763715600000, 'Snoozed', 3);
                """);
        }

        using var upgraded = Open(files[0]);
        upgraded.Database.Migrate();

        var brand = upgraded.Brands.Single();
        Assert.Equal(("Acme", Common.Language.Fr), (brand.Name, brand.Language));
        Assert.Equal(["refund"], brand.AlertWords);
        var occurrence = upgraded.RoutineOccurrences.Single();
        Assert.Equal((OccurrenceState.Snoozed, 3, null), (occurrence.State, occurrence.Version, occurrence.SnoozedById));
        upgraded.Routines.Single(r => r.Kind == RoutineKind.InfluencerContact);
        Assert.Empty(upgraded.OutboxMessages);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in files.SelectMany(SqliteFiles.Of).Where(File.Exists)) File.Delete(file);
    }
}
