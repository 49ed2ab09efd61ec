using CmBot.Domain.Store;
using Microsoft.Data.Sqlite;

namespace CmBot.Domain.Tests.Support;

/// <summary>
/// A private SQLite database in a temporary file, created from the migrations as the host does,
/// so a test can close every context and open new ones on the same data ("restart").
/// </summary>
public sealed class TestStore : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"cmbot-test-{Guid.NewGuid():N}.db");

    public TestStore()
    {
        using var db = NewDb();
        StoreMigrator.Migrate(db);
    }

    public StoreOptions Options => new() { Provider = "Sqlite", ConnectionString = $"Data Source={path}" };

    public CmBotDb NewDb() => new(Options.DbContextOptions());

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in SqliteFiles.Of(path)) File.Delete(file);
    }
}
