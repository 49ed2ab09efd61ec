using CmBot.Domain.Store;
using CmBot.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CmBot.Tests.Hosting;

/// <summary>The write-ahead log stays bounded: once past its limit, the checkpoint worker empties it.</summary>
public sealed class SqliteCheckpointTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"cmbot-wal-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task ALogPastItsLimit_IsEmptiedByTheNextCheckpoint_WithEveryRowKept()
    {
        var options = new StoreOptions { ConnectionString = $"Data Source={path}" };
        await using (var writer = new SqliteConnection(options.ConnectionString))
        {
            await writer.OpenAsync();
            // As the host's connections do: commits never checkpoint, the worker does.
            await ExecuteAsync(writer, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (b BLOB);");
            for (var i = 0; i < 70; i++) await ExecuteAsync(writer, "INSERT INTO t VALUES (zeroblob(1048576));");
            Assert.True(LogBytes() > SqliteCheckpointWorker.MaxLogBytes);

            var worker = new SqliteCheckpointWorker(Options.Create(options), NullLogger<SqliteCheckpointWorker>.Instance);
            await worker.StartAsync(CancellationToken.None);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (LogBytes() > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
            await worker.StopAsync(CancellationToken.None);

            Assert.Equal(0, LogBytes());
            await using var count = writer.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM t";
            Assert.Equal(70L, await count.ExecuteScalarAsync());
        }
    }

    private long LogBytes() => new FileInfo(path + "-wal") is { Exists: true } log ? log.Length : 0;

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
    }
}
