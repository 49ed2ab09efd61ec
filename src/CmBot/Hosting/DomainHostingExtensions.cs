using CmBot.Domain;
using CmBot.Domain.Conversations;
using CmBot.Domain.Demo;
using CmBot.Domain.Store;
using Microsoft.Extensions.Options;

namespace CmBot.Hosting;

public static class DomainHostingExtensions
{
    /// <summary>The product with its store, bound from the "Store", "ConnectionStrings", "Conversations" and "Demo" sections.</summary>
    public static WebApplicationBuilder AddCmBotDomain(this WebApplicationBuilder builder)
    {
        builder.Services.AddCmBotDomain();
        builder.Services.AddTransient<IStartupFilter, RequestWritesFirst>();
        builder.Services.AddOptions<StoreOptions>().BindConfiguration("Store").Configure<IConfiguration>((store, configuration) =>
        {
            if (configuration.GetConnectionString("CmBot") is { Length: > 0 } connectionString) store.ConnectionString = connectionString;
        });
        builder.Services.AddOptions<ConversationOptions>().BindConfiguration("Conversations");
        builder.Services.AddOptions<DemoOptions>().BindConfiguration("Demo");
        return builder;
    }

    /// <summary>Migrates the store on start, then seeds the demo brand where configured and the store is empty.</summary>
    public static async Task PrepareStoreAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<StoreOptions>>().Value;
        if (!options.IsPostgres) EnsureSqliteFolder(options.ConnectionString);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        StoreMigrator.Migrate(db);
        if (app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed)
        {
            var seeded = await DemoData.SeedIfEmptyAsync(db, app.Services.GetRequiredService<TimeProvider>());
            if (seeded) app.Logger.LogInformation("Seeded the demo brand {Brand}", DemoData.BrandName);
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (path != ":memory:" && !string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
