using System.Data.Common;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Tests.Store;

/// <summary>A SQLite database's schema as comparable text: tables, columns, keys, indexes, foreign keys.</summary>
public static class SqliteSchema
{
    public static SortedSet<string> Read(CmBotDb db)
    {
        var connection = db.Database.GetDbConnection();
        connection.Open();
        var schema = new SortedSet<string>();
        // EF's own bookkeeping (__EFMigrationsHistory, __EFMigrationsLock) is not part of the model; nor are
        // Quartz's QRTZ_ tables, which only Quartz reads and writes (made here by ReminderJobs, dropped by QuartzOwnSqliteFile).
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND substr(name, 1, 4) <> '__EF' AND substr(name, 1, 5) <> 'QRTZ_'")
            .Select(r => (string)r[0]!).ToList();
        foreach (var table in tables)
        {
            foreach (var c in Query(connection, $"PRAGMA table_info('{table}')"))
                schema.Add($"{table}.{c[1]} type={c[2]} notnull={c[3]} pk={c[5]}");
            foreach (var i in Query(connection, $"PRAGMA index_list('{table}')"))
            {
                var columns = Query(connection, $"PRAGMA index_info('{i[1]}')").Select(r => (string)r[2]!);
                schema.Add($"{table} index {i[1]} unique={i[2]} ({string.Join(",", columns)})");
            }
            foreach (var f in Query(connection, $"PRAGMA foreign_key_list('{table}')"))
                schema.Add($"{table} fk {f[3]} -> {f[2]}.{f[4]} delete={f[6]}");
        }
        return schema;
    }

    private static List<object?[]> Query(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row);
        }
        return rows;
    }
}
