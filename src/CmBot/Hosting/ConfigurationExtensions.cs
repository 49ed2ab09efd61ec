using Microsoft.Extensions.Configuration.Json;

namespace CmBot.Hosting;

public static class ConfigurationExtensions
{
    /// <summary>
    /// The repository keeps appsettings.Development.json at its root (next to the README); the build copies
    /// it beside the binary. It is slotted in where the conventional appsettings.{Environment}.json sits, so
    /// user secrets, environment variables and the command line still win over it.
    /// </summary>
    public static WebApplicationBuilder AddRootDevelopmentSettings(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()) return builder;
        var sources = builder.Configuration.Sources;
        var conventional = sources.OfType<JsonConfigurationSource>().LastOrDefault(s => s.Path?.StartsWith("appsettings.") == true);
        var file = new JsonConfigurationSource
        {
            Path = "appsettings.Development.json",
            Optional = true,
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
        };
        sources.Insert(conventional is null ? 0 : sources.IndexOf(conventional) + 1, file);
        return builder;
    }

    /// <summary>Structured logs: JSON lines in production, the readable console in development.</summary>
    public static WebApplicationBuilder AddCmBotLogging(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }
        return builder;
    }
}
