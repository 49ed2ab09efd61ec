using CmBot.Domain.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace CmBot.Tests.Support;

/// <summary>The real host in Development, on a private SQLite file, with extra settings per test.</summary>
public sealed class CmBotFactory(Dictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"cmbot-host-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // Applied when the host is built, after Program's own sources, so these win.
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "Sqlite",
            ["Store:ConnectionString"] = $"Data Source={DatabasePath}",
        }.Concat(settings ?? [])));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var file in SqliteFiles.Of(DatabasePath).Where(File.Exists)) File.Delete(file);
    }
}
