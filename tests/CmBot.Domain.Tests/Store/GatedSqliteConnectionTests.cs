using CmBot.Domain.Store;
using Microsoft.Data.Sqlite;

namespace CmBot.Domain.Tests.Store;

/// <summary>Quartz's connections queue at the write gate of their file with its other writers, instead of meeting them in SQLite's busy handler.</summary>
public sealed class GatedSqliteConnectionTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"cmbot-gated-{Guid.NewGuid():N}.db");
    private string ConnectionString => $"Data Source={path}";

    [Fact]
    public async Task ATransaction_HoldsTheWriteGate_UntilItsConnectionCloses()
    {
        await using var other = new SqliteConnection(ConnectionString);
        await other.OpenAsync();
        var quartz = new GatedSqliteConnection.Source(ConnectionString).CreateConnection();
        await quartz.OpenAsync();
        await using (var transaction = await quartz.BeginTransactionAsync())
        {
            await using var create = quartz.CreateCommand();
            create.CommandText = "CREATE TABLE t (x INTEGER)";
            await create.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        var next = SqliteWriteGate.Instance.HoldAsync(other, CancellationToken.None).AsTask();
        await Task.Delay(200);
        Assert.False(next.IsCompleted, "another writer got the gate while Quartz's connection held it");

        await quartz.DisposeAsync();
        using (await next.WaitAsync(TimeSpan.FromSeconds(5))) { }
    }

    [Fact]
    public async Task ATransaction_WaitsForTheWriterBeforeIt_ThenGoes()
    {
        await using var writer = new SqliteConnection(ConnectionString);
        await writer.OpenAsync();
        var turn = await SqliteWriteGate.Instance.HoldAsync(writer, CancellationToken.None);

        await using var quartz = new GatedSqliteConnection(ConnectionString);
        await quartz.OpenAsync();
        var begun = Task.Run(() => quartz.BeginTransaction());
        await Task.Delay(200);
        Assert.False(begun.IsCompleted, "Quartz's transaction began while another writer had the gate");

        turn.Dispose();
        using var transaction = await begun.WaitAsync(TimeSpan.FromSeconds(5));
        transaction.Commit();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in SqliteFiles.Of(path)) File.Delete(file);
    }
}
