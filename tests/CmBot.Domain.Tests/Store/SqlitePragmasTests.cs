using CmBot.Domain.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Tests.Store;

/// <summary>The store's connections keep their settings however often EF opens and closes them.</summary>
public sealed class SqlitePragmasTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"cmbot-pragmas-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task APooledConnection_KeepsItsSettings_WhenReopened_AndANewOneGetsThem()
    {
        var options = new DbContextOptionsBuilder<DbContext>().UseSqlite($"Data Source={path}").AddInterceptors(SqlitePragmas.Instance).Options;
        await using var db = new DbContext(options);
        for (var open = 0; open < 3; open++) Assert.Equal(10000L, await PragmaAsync(db, "busy_timeout"));

        SqliteConnection.ClearAllPools(); // The next open makes a new native connection, which starts with SQLite's defaults.
        Assert.Equal(10000L, await PragmaAsync(db, "busy_timeout"));
        Assert.Equal(1L, await PragmaAsync(db, "synchronous")); // NORMAL
    }

    /// <summary>Opened and closed through EF, as every query of the product is.</summary>
    private static async Task<long> PragmaAsync(DbContext db, string name)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {name}";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in SqliteFiles.Of(path)) File.Delete(file);
    }
}
