using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CmBot.Domain.Store;

/// <summary>
/// A statement run on the connection (and transaction) EF holds, without EF's query pipeline: for the few hot or
/// numeric statements where building and caching a LINQ or FromSql query costs more than the statement itself.
/// Parameters are named (<c>@name</c>), which SQLite and PostgreSQL both read.
/// </summary>
public static class DirectCommand
{
    public static async Task<List<T>> ReadAsync<T>(this CmBotDb db, string sql, IEnumerable<KeyValuePair<string, object>> parameters,
        Func<DbDataReader, T> read, int expected, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                (parameter.ParameterName, parameter.Value) = ("@" + name, value);
                command.Parameters.Add(parameter);
            }
            var rows = new List<T>(expected);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
