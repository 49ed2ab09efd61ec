using CmBot.Domain.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;
using Quartz.Impl.AdoJobStore;

namespace CmBot.Domain.Reminders;

/// <summary>
/// Quartz as CmBot runs it: a persistent store (ADO.NET JobStoreTX) whose tables we create, never Quartz;
/// System.Text.Json for job data; on one instance SQLite through Microsoft.Data.Sqlite ("SQLite-Microsoft",
/// SQLiteDelegate), in a file of its own beside the product's (<see cref="QuartzSqliteFile"/>); for several,
/// PostgreSQL ("Npgsql", PostgreSQLDelegate) in the product's database, clustered. The host and the tests build
/// their schedulers here, so they run the same configuration.
/// </summary>
public static class ReminderQuartz
{
    public const string SchedulerName = "CmBot";

    /// <param name="postgres">Read from configuration before the container exists; the connection string is read late, from <see cref="StoreOptions"/>.</param>
    /// <param name="options">The misfire threshold and clustering intervals (registration-time settings).</param>
    /// <param name="clock">Quartz's own clock; null lets it use the container's <see cref="TimeProvider"/>.</param>
    public static IServiceCollection AddReminderQuartz(this IServiceCollection services, bool postgres, ReminderOptions options, TimeProvider? clock = null)
    {
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = SchedulerName;
                // Each instance needs its own id in a cluster; "AUTO" derives one from host and time.
                if (postgres) scheduler.InstanceId = options.InstanceId;
            });
            if (clock is not null) quartz.UseTimeProvider(clock);
            quartz.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                if (postgres)
                {
                    store.UsePostgres(source =>
                    {
                        source.Provider = "Npgsql";
                        source.DataSourceFactory = provider => NpgsqlDataSource.Create(ConnectionString(provider));
                    });
                    store.UseDriverDelegate<PostgreSQLDelegate>();
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = options.ClusterCheckinInterval;
                        cluster.CheckinMisfireThreshold = options.ClusterCheckinInterval * 2;
                    });
                }
                else
                {
                    store.UseSqlite(source =>
                    {
                        source.Provider = "SQLite-Microsoft";
                        // A file of its own, whose writer no request waits for (see QuartzSqliteFile).
                        source.DataSourceFactory = provider => new GatedSqliteConnection.Source(ExistingFileOnly(QuartzSqliteFile.ConnectionStringFor(ConnectionString(provider))));
                    });
                    store.UseDriverDelegate<SQLiteDelegate>();
                }
                store.ConfigureStore(ado =>
                {
                    // Later than this and a firing counts as missed: its trigger's misfire instruction decides.
                    ado.MisfireThreshold = options.MisfireThreshold;
                    // Our migrations own the tables: refuse to start on a schema they did not make, never create one.
                    ado.SchemaProvisioning = SchemaProvisioning.Validate;
                });
            });
        });
        return services;
    }

    /// <summary>The store's preparation creates the file; Quartz must never create an empty one where it went missing.</summary>
    private static string ExistingFileOnly(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite }.ConnectionString;

    private static string ConnectionString(IServiceProvider provider) => provider.GetRequiredService<IOptions<StoreOptions>>().Value.ConnectionString;
}
