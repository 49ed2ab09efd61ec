using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Store;

/// <summary>Brings a database to the current schema with the hand-written migrations (on SQLite, Quartz's file too); the host calls it on start.</summary>
public static class StoreMigrator
{
    public static void Migrate(CmBotDb db)
    {
        db.Database.Migrate();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers and the writer work at once; it is a property of the file, set once.
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            QuartzSqliteFile.Prepare(db.Database.GetConnectionString()!);
        }
    }
}
