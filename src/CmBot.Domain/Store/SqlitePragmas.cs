using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CmBot.Domain.Store;

/// <summary>
/// Per-connection SQLite settings (they are not part of the connection string, nor kept in the file):
/// - busy_timeout: SQLite waits for the write lock itself, in short steps, instead of Microsoft.Data.Sqlite
///   retrying with 150 ms sleeps, which made every contended request that much slower;
/// - synchronous=NORMAL: with WAL a commit survives a crash of the process; only a power cut can lose the last
///   commits, and each commit no longer waits for a disk flush;
/// - wal_autocheckpoint=0: no commit copies the log back into the file (flushing it) while writers queue behind it;
///   the host checkpoints beside them (SqliteCheckpointWorker), and a tool or test's log is checkpointed on close;
/// - mmap_size: a connection's page cache is dropped whenever another connection wrote, which under load is all the
///   time; pages are then read in place from the mapped file instead of copied in by a system call each (that copy
///   was the largest single cost of a handled message). The mapping is the OS's file cache, not this process's memory.
/// They are set once per connection to the file: EF opens and closes its connection around every statement, and
/// Microsoft.Data.Sqlite hands back the same pooled connection, which keeps them (running them again on each open
/// cost a statement for every query the inbox made).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 268435456; PRAGMA wal_autocheckpoint = 0;";

    /// <summary>The native connections already set, weakly held: one closed for good is forgotten with it.</summary>
    private readonly ConditionalWeakTable<object, object> set = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsSet(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Remember(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsSet(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    private bool IsSet(DbConnection connection) => connection is SqliteConnection { Handle: { } native } && set.TryGetValue(native, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } native }) set.AddOrUpdate(native, native);
    }
}
