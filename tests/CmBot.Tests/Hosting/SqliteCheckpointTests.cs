using CmBot.Domain.Store;
using CmBot.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CmBot.Tests.Hosting;

/// <summary>The write-ahead log stays bounded: it starts over under steady writes, and once past its limit it is emptied.</summary>
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

            // The store's connections share the pool of this connection string and are set once: the short busy
            // timeout the emptying used must not come back to them with a pooled connection.
            await using var next = new SqliteConnection(options.ConnectionString);
            await next.OpenAsync();
            await using var timeout = next.CreateCommand();
            timeout.CommandText = "PRAGMA busy_timeout";
            Assert.NotEqual(2000L, await timeout.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task UnderWritesWithoutPause_TheLogStartsOver_InsteadOfGrowing()
    {
        var options = new StoreOptions { ConnectionString = $"Data Source={path}" };
        await using var writer = new SqliteConnection(options.ConnectionString);
        await writer.OpenAsync();
        await ExecuteAsync(writer, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (b BLOB);");
        var worker = new SqliteCheckpointWorker(Options.Create(options), NullLogger<SqliteCheckpointWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);

        // 100 MB, written as the host's writers do: one at a time through the write gate, each right after the last.
        const int rows = 1600;
        long largest = 0;
        for (var i = 0; i < rows; i++)
        {
            using (await SqliteWriteGate.Instance.HoldAsync(writer, CancellationToken.None))
                await ExecuteAsync(writer, "INSERT INTO t VALUES (zeroblob(65536));");
            largest = Math.Max(largest, LogBytes());
            await Task.Delay(1);
        }
        await worker.StopAsync(CancellationToken.None);

        // Passive passes alone left the log growing to the limit, and emptying it held every writer.
        Assert.True(largest < SqliteCheckpointWorker.MaxLogBytes / 2, $"the log reached {largest / 1048576} MB");
        await using var count = writer.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM t";
        Assert.Equal((long)rows, await count.ExecuteScalarAsync());
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
        foreach (var file in SqliteFiles.Of(path)) File.Delete(file);
    }
}
