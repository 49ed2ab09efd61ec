using CmBot.Domain.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CmBot.Hosting;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file four times a second, beside the writers instead of in
/// one of them: left to SQLite, the commit that fills the log does it, flush to disk included, and every request
/// queued behind that commit waited too. Each tick makes two passes. A passive one copies the bulk and holds no one;
/// but writers keep appending meanwhile, so alone it never finishes the log, the log never starts over, and it grew
/// until emptying it (TRUNCATE) held every writer for about 55 ms: the bench's p99 at 200 req/s. A second pass then
/// copies the little that came in meanwhile with this process's writers held (a background turn of the write gate,
/// a few milliseconds): the log is wholly copied, and the next commit starts it over from the top, so it stays a few
/// MB. Past <see cref="MaxLogBytes"/> (a reader kept an old snapshot open throughout) it is emptied, writers held the
/// same way.
/// </summary>
public sealed class SqliteCheckpointWorker(IOptions<StoreOptions> options, ILogger<SqliteCheckpointWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    public const long MaxLogBytes = 64L * 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IsPostgres) return;
        var connectionString = Unpooled(options.Value.ConnectionString);
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckpointAsync(connectionString, stoppingToken);
            }
            catch (SqliteException error)
            {
                // The next tick tries again; meanwhile the log only grows.
                logger.LogWarning("SQLite checkpoint failed: {Error}", error.Message);
            }
        }
    }

    private static async Task CheckpointAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(PASSIVE);", cancellationToken);
        var log = new FileInfo(connection.DataSource + "-wal");
        // Readers may still be on the log: TRUNCATE waits for them (busy_timeout), passive copies around them.
        var finish = log.Exists && log.Length > MaxLogBytes
            ? "PRAGMA busy_timeout = 2000; PRAGMA wal_checkpoint(TRUNCATE);"
            : "PRAGMA wal_checkpoint(PASSIVE);";
        using (await SqliteWriteGate.Instance.HoldAsync(connection, cancellationToken))
            await ExecuteAsync(connection, finish, cancellationToken);
    }

    /// <summary>
    /// Unpooled: the busy timeout set for TRUNCATE stays on a pooled connection, and the store's own connections, which
    /// share the pool of the same connection string, are set once (see <see cref="SqlitePragmas"/>), not on every open.
    /// </summary>
    private static string Unpooled(string connectionString) => new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
