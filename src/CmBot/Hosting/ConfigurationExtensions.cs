namespace CmBot.Hosting;

public static class ConfigurationExtensions
{
    /// <summary>
    /// The repository keeps appsettings.Development.json at its root (next to the README); the build copies
    /// it beside the binary, and the host loads it from there in Development.
    /// </summary>
    public static WebApplicationBuilder AddRootDevelopmentSettings(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json"), optional: true);
            // User secrets and the environment still win over the file.
            builder.Configuration.AddUserSecrets<Program>(optional: true);
            builder.Configuration.AddEnvironmentVariables();
        }
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
