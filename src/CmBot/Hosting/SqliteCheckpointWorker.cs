using CmBot.Domain.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CmBot.Hosting;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file every second, beside the writers instead of in one of
/// them: left to SQLite, the commit that fills the log does it, flush to disk included, and every request queued
/// behind that commit waited too (the bench's tail at 200 req/s). A passive checkpoint takes no lock a writer needs,
/// but under sustained load it never catches up with the readers, and the log only grows (723 MB after a minute of
/// saturation): past <see cref="MaxLogBytes"/> the log is checkpointed whole and emptied, which holds writers for
/// the few milliseconds the readers of the moment take to finish.
/// </summary>
public sealed class SqliteCheckpointWorker(IOptions<StoreOptions> options, ILogger<SqliteCheckpointWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    public const long MaxLogBytes = 64L * 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IsPostgres) return;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = new SqliteConnection(options.Value.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                await using var command = connection.CreateCommand();
                var log = new FileInfo(connection.DataSource + "-wal");
                // The passive pass copies the bulk without holding writers, so the truncating one has little left to copy.
                command.CommandText = log.Exists && log.Length > MaxLogBytes
                    ? "PRAGMA wal_checkpoint(PASSIVE); PRAGMA busy_timeout = 2000; PRAGMA wal_checkpoint(TRUNCATE);"
                    : "PRAGMA wal_checkpoint(PASSIVE);";
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (SqliteException error)
            {
                // The next tick tries again; meanwhile the log only grows.
                logger.LogWarning("SQLite checkpoint failed: {Error}", error.Message);
            }
        }
    }
}
