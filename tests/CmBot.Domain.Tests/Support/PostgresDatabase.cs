using CmBot.Domain.Store;
using CmBot.Domain.Tests.Reminders;
using Npgsql;

namespace CmBot.Domain.Tests.Support;

/// <summary>A database of its own on the server CMBOT_TEST_POSTGRES names, created from the migrations and dropped at the end.</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly string name = $"cmbot_test_{Guid.NewGuid():N}";

    private PostgresDatabase(string server) => this.server = server;

    public StoreOptions Options => new()
    {
        Provider = "PostgreSQL",
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
    };

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var database = new PostgresDatabase(PostgresFactAttribute.ConnectionString ?? throw new InvalidOperationException($"{PostgresFactAttribute.Variable} is not set"));
        await using (var admin = new NpgsqlConnection(database.server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database.name}", admin).ExecuteNonQueryAsync();
        }
        await using var db = new CmBotDb(database.Options.DbContextOptions());
        StoreMigrator.Migrate(db);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin).ExecuteNonQueryAsync();
    }
}
