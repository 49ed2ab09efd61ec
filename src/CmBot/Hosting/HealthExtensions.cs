using System.Text.Json;
using CmBot.Domain.Store;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CmBot.Hosting;

public static class HealthExtensions
{
    public static IServiceCollection AddCmBotHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        return services;
    }

    /// <summary>`GET /healthz`: 200 with {"status":"Healthy",…} when the store answers, 503 otherwise.</summary>
    public static void MapCmBotHealth(this WebApplication app) =>
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteJson });

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        }));
    }
}

/// <summary>The store is healthy when it answers a query on its own schema.</summary>
public sealed class StoreHealthCheck(CmBotDb db, IOptions<StoreOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var brands = await db.Brands.CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{options.Value.Provider}: {brands} brand(s)");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The exception text can hold a connection string: report its type only.
            return HealthCheckResult.Unhealthy($"{options.Value.Provider} store unreachable ({error.GetType().Name})");
        }
    }
}
