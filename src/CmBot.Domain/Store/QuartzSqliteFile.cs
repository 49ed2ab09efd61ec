using CmBot.Domain.Store.Migrations;
using Microsoft.Data.Sqlite;

namespace CmBot.Domain.Store;

/// <summary>
/// On SQLite, Quartz keeps its job store in a file of its own beside the product's (data/cmbot.quartz.db beside
/// data/cmbot.db). SQLite has one writer per file, and under load a Quartz transaction, its statements spread over
/// many awaits, held that writer for 30–80 ms while every request that wanted to write waited (the bench's p99 at
/// 200 req/s). In a file of its own, Quartz's lock stands in no one else's way. Its tables are those of the
/// ReminderJobs migration, created here once; <see cref="QuartzOwnSqliteFile"/> drops them from the product's file.
/// </summary>
public static class QuartzSqliteFile
{
    public static string PathFor(string databasePath) =>
        Path.Combine(Path.GetDirectoryName(databasePath) ?? "", Path.GetFileNameWithoutExtension(databasePath) + ".quartz" + Path.GetExtension(databasePath));

    public static string ConnectionStringFor(string productConnectionString)
    {
        var builder = new SqliteConnectionStringBuilder(productConnectionString);
        builder.DataSource = PathFor(builder.DataSource);
        return builder.ConnectionString;
    }

    /// <summary>Creates the file and Quartz's tables where they are missing (<see cref="StoreMigrator"/> calls it).</summary>
    public static void Prepare(string productConnectionString)
    {
        var create = new SqliteConnectionStringBuilder(ConnectionStringFor(productConnectionString)) { Mode = SqliteOpenMode.ReadWriteCreate };
        using var connection = new SqliteConnection(create.ConnectionString);
        connection.Open();
        Execute(connection, "PRAGMA journal_mode=WAL;");
        using var transaction = connection.BeginTransaction();
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'QRTZ_LOCKS'";
        if ((long)exists.ExecuteScalar()! == 0)
            foreach (var statement in ReminderJobs.SqliteQuartzTables) Execute(connection, statement);
        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
