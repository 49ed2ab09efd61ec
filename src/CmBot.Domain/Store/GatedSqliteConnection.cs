using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CmBot.Domain.Store;

/// <summary>
/// A SQLite connection for code that is not EF's (Quartz): each transaction takes its turn at this process's write
/// gate for its file, as EF's do. Microsoft.Data.Sqlite begins transactions IMMEDIATE, so Quartz's look for due
/// triggers, every half minute even with none, takes the write lock: two of Quartz's own flows that met there slept
/// in SQLite's busy handler, whose steps (1, 2, 5, 10, 15, 20 ms…) turn a few milliseconds into 55 or 80. The turn
/// is given back on close, which Quartz does after each transaction.
/// </summary>
public sealed class GatedSqliteConnection(string connectionString) : SqliteConnection(connectionString)
{
    private SqliteWriteGate.Turn? turn;

    public override SqliteTransaction BeginTransaction(IsolationLevel isolationLevel, bool deferred)
    {
        turn ??= SqliteWriteGate.Instance.Hold(this);
        try
        {
            return base.BeginTransaction(isolationLevel, deferred);
        }
        catch
        {
            Release();
            throw;
        }
    }

    public override void Close()
    {
        Release();
        base.Close();
    }

    private void Release()
    {
        turn?.Dispose();
        turn = null;
    }

    /// <summary>What Quartz's data source factory returns: these connections, on one connection string.</summary>
    public sealed class Source(string connectionString) : DbDataSource
    {
        public override string ConnectionString => connectionString;

        protected override DbConnection CreateDbConnection() => new GatedSqliteConnection(connectionString);
    }
}
