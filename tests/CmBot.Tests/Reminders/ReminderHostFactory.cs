using CmBot.Domain.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace CmBot.Tests.Reminders;

/// <summary>The real host on a private SQLite file, in the environment a test names (the shared factory is Development only).</summary>
public sealed class ReminderHostFactory(string environment, Dictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"cmbot-reminders-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Provider"] = "Sqlite",
            ["Store:ConnectionString"] = $"Data Source={path}",
            ["Demo:Seed"] = "true",
        }.Concat(settings ?? [])));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var file in SqliteFiles.Of(path).Where(File.Exists)) File.Delete(file);
    }
}
