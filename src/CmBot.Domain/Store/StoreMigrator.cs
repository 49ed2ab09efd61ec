using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Store;

/// <summary>Brings a database to the current schema; the host calls it on start.</summary>
public static class StoreMigrator
{
    public static void Migrate(CmBotDb db)
    {
        // TODO(issue 2): switch to the hand-written migrations once the model settles.
        db.Database.EnsureCreated();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers and the writer work at once; it is a property of the file, set once.
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }
    }
}
