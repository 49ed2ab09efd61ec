namespace CmBot.Domain.Store;

/// <summary>Every file a SQLite store is made of: the product's and Quartz's (see <see cref="QuartzSqliteFile"/>), each with its log and index.</summary>
public static class SqliteFiles
{
    public static string[] Of(string databasePath)
    {
        var quartz = QuartzSqliteFile.PathFor(databasePath);
        return [databasePath, databasePath + "-wal", databasePath + "-shm", quartz, quartz + "-wal", quartz + "-shm"];
    }
}
