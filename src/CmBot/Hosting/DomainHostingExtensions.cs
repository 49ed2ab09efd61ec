using CmBot.Domain;
using CmBot.Domain.Conversations;
using CmBot.Domain.Demo;
using CmBot.Domain.Store;

namespace CmBot.Hosting;

public static class DomainHostingExtensions
{
    /// <summary>The product with its store, from the "Store", "ConnectionStrings" and "Conversations" sections.</summary>
    public static WebApplicationBuilder AddCmBotDomain(this WebApplicationBuilder builder)
    {
        var store = builder.Configuration.GetSection("Store").Get<StoreOptions>() ?? new StoreOptions();
        if (builder.Configuration.GetConnectionString("CmBot") is { Length: > 0 } connectionString)
            store.ConnectionString = connectionString;
        var conversations = builder.Configuration.GetSection("Conversations").Get<ConversationOptions>() ?? new ConversationOptions();
        builder.Services.AddCmBotDomain(store, conversations);
        builder.Services.AddSingleton(builder.Configuration.GetSection("Demo").Get<DemoOptions>() ?? new DemoOptions());
        return builder;
    }

    /// <summary>Migrates the store on start, then seeds the demo brand where configured and the store is empty.</summary>
    public static async Task PrepareStoreAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<StoreOptions>();
        if (!options.IsPostgres) EnsureSqliteFolder(options.ConnectionString);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        StoreMigrator.Migrate(db);
        if (app.Services.GetRequiredService<DemoOptions>().Seed)
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
