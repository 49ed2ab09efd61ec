using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Store;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// The store, configured from <see cref="StoreOptions"/> when first used (so hosts and tests can set them late).
    /// Contexts are pooled: every input, send and request takes one, and building each anew was a measurable share of a reply's cost.
    /// </summary>
    public static IServiceCollection AddCmBotStore(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>();
        services.AddDbContextPool<CmBotDb>((provider, builder) => Configure(builder, provider.GetRequiredService<IOptions<StoreOptions>>().Value));
        return services;
    }

    /// <summary>Options for a context made by hand (tools, tests), configured as the host's.</summary>
    public static DbContextOptions<CmBotDb> DbContextOptions(this StoreOptions options)
    {
        var builder = new DbContextOptionsBuilder<CmBotDb>();
        Configure(builder, options);
        return builder.Options;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, StoreOptions options)
    {
        if (options.IsPostgres) UsePostgres(builder, options.ConnectionString);
        else UseSqlite(builder, options.ConnectionString);
        // Migrations are written by hand without a model snapshot; a test compares the migrated schema with the model instead.
        return builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    // One method per provider, so that compiling one never loads the other's assemblies (memory on the embedded default).
    // A collection goes to the database as one parameter (json_each on SQLite, an array on PostgreSQL): its SQL stays the
    // same whatever the count, where one parameter an element made EF build and cache SQL for every count it met.
    private static void UseSqlite(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).AddInterceptors(SqlitePragmas.Instance, SqliteWriteGate.Instance);

    private static void UsePostgres(DbContextOptionsBuilder builder, string connectionString) => builder.UseNpgsql(connectionString, npgsql => npgsql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
}
