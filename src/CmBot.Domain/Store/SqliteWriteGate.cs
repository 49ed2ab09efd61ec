using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CmBot.Domain.Store;

/// <summary>
/// SQLite has one writer at a time. Left to themselves, this process's writers (the inbox, its processor, the
/// outbox dispatcher, requests) find the lock taken and wait in SQLite's busy handler, which sleeps 1, 2, 5… up
/// to 100 ms between tries: under load most of a request's time went there. Here they queue in process instead
/// and go the moment the writer before them is done, people waiting on an answer first (see <see cref="WriteTurns"/>). A connection takes the gate when it begins a transaction
/// (or runs a write outside one) and gives it back when the transaction ends or the connection closes. Connections EF
/// does not see take it by hand: the checkpoint's (<see cref="HoldAsync"/>) and Quartz's (<see cref="GatedSqliteConnection"/>).
/// </summary>
/// <remarks>
/// Other processes on the same file still meet SQLite's busy handler. A writer that waits longer than
/// <see cref="Patience"/> goes ahead ungated and lets SQLite decide, so a flow that writes through two contexts
/// at once is no worse than without the gate.
/// </remarks>
public sealed class SqliteWriteGate : DbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly string[] WriteVerbs = ["INSERT", "UPDATE", "DELETE", "REPLACE"];

    private static readonly AsyncLocal<bool> UrgentFlow = new();
    private readonly ConcurrentDictionary<string, WriteTurns> gates = new();
    private readonly ConcurrentDictionary<DbConnection, WriteTurns> holders = new();

    /// <summary>Marks the current flow (an HTTP request, the inbox's group commit) as someone waiting on its writes.</summary>
    public static void MarkUrgent() => UrgentFlow.Value = true;

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(connection);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(connection, cancellationToken);
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(eventData);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback reports nothing; its connection closing does.
    InterceptionResult IDbConnectionInterceptor.ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }

    // Writes outside a transaction (ExecuteUpdate, a single-row SaveChanges) hold SQLite's lock until their statement is done.
    InterceptionResult<int> IDbCommandInterceptor.NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsLoneWrite(command)) Enter(command.Connection!);
        return result;
    }

    async ValueTask<InterceptionResult<int>> IDbCommandInterceptor.NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken)
    {
        if (IsLoneWrite(command)) await EnterAsync(command.Connection!, cancellationToken);
        return result;
    }

    int IDbCommandInterceptor.NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        LeaveIfLone(command);
        return result;
    }

    ValueTask<int> IDbCommandInterceptor.NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken)
    {
        LeaveIfLone(command);
        return ValueTask.FromResult(result);
    }

    InterceptionResult<DbDataReader> IDbCommandInterceptor.ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsLoneWrite(command)) Enter(command.Connection!);
        return result;
    }

    async ValueTask<InterceptionResult<DbDataReader>> IDbCommandInterceptor.ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken)
    {
        if (IsLoneWrite(command)) await EnterAsync(command.Connection!, cancellationToken);
        return result;
    }

    InterceptionResult IDbCommandInterceptor.DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveIfLone(command);
        return result;
    }

    ValueTask<InterceptionResult> IDbCommandInterceptor.DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        LeaveIfLone(command);
        return ValueTask.FromResult(result);
    }

    InterceptionResult IDbCommandInterceptor.DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        LeaveIfLone(command);
        return result;
    }

    void IDbCommandInterceptor.CommandFailed(DbCommand command, CommandErrorEventData eventData) => LeaveIfLone(command);

    Task IDbCommandInterceptor.CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken)
    {
        LeaveIfLone(command);
        return Task.CompletedTask;
    }

    private static bool IsLoneWrite(DbCommand command)
    {
        if (command.Transaction is not null || command.Connection is null) return false;
        var text = command.CommandText.AsSpan().TrimStart();
        foreach (var verb in WriteVerbs)
            if (text.StartsWith(verb, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private void LeaveIfLone(DbCommand command)
    {
        if (command.Transaction is null && command.Connection is { } connection) Leave(connection);
    }

    private void Enter(DbConnection connection)
    {
        if (holders.ContainsKey(connection)) return;
        var gate = GateOf(connection);
        if (gate.Take(UrgentFlow.Value, Patience)) holders[connection] = gate;
    }

    private async ValueTask EnterAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (holders.ContainsKey(connection)) return;
        var gate = GateOf(connection);
        if (await gate.TakeAsync(UrgentFlow.Value, Patience, cancellationToken)) holders[connection] = gate;
    }

    /// <summary>
    /// A background turn at the write lock for a connection EF does not see (the checkpoint), given back when the
    /// result is disposed: this process's writers then wait in the queue, not in SQLite's busy handler.
    /// </summary>
    public async ValueTask<Turn> HoldAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await EnterAsync(connection, cancellationToken);
        return new Turn(this, connection);
    }

    /// <inheritdoc cref="HoldAsync"/>
    public Turn Hold(DbConnection connection)
    {
        Enter(connection);
        return new Turn(this, connection);
    }

    public readonly struct Turn(SqliteWriteGate gate, DbConnection connection) : IDisposable
    {
        public void Dispose() => gate.Leave(connection);
    }

    // The transaction has let go of its connection by now; the context still knows it.
    private void Leave(TransactionEndEventData ended)
    {
        if (ended.Context is { } context) Leave(context.Database.GetDbConnection());
    }

    private void Leave(DbConnection connection)
    {
        if (holders.TryRemove(connection, out var gate)) gate.Release();
    }

    private WriteTurns GateOf(DbConnection connection) => gates.GetOrAdd(connection.DataSource, _ => new WriteTurns());
}
