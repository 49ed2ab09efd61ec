using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CmBot.Domain.Reminders;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CmBot.Hosting;

public static class ReminderHostingExtensions
{
    /// <summary>The header carrying the admin key for <c>GET /api/schedules</c> outside Development.</summary>
    public const string AdminKeyHeader = "X-Admin-Key";

    /// <summary>
    /// Reminders on Quartz, from the "Reminders" section: the persistent store in the product's database
    /// (SQLite alone, PostgreSQL clustered), the hosted scheduler, and the worker that keeps triggers in line
    /// with brands. The store provider is read now, from configuration; the connection string when Quartz starts.
    /// </summary>
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReminderOptions>().BindConfiguration("Reminders");
        builder.Services.AddReminders();
        var options = builder.Configuration.GetSection("Reminders").Get<ReminderOptions>() ?? new ReminderOptions();
        if (!options.Enabled) return builder;
        var postgres = new StoreOptions { Provider = builder.Configuration["Store:Provider"] ?? new StoreOptions().Provider }.IsPostgres;
        builder.Services.AddReminderScheduling();
        builder.Services.AddReminderQuartz(postgres, options);
        // Let a running reminder finish its unit of work on shutdown; its trigger is re-armed before it returns.
        builder.Services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return builder;
    }

    /// <summary>
    /// <c>GET /api/schedules</c>: each job's next fire time, ISO 8601 with the offset of the brand's zone. It shows
    /// what every brand has scheduled, so it is open in Development only; elsewhere it needs the configured
    /// <c>Admin:ApiKey</c> in the <see cref="AdminKeyHeader"/> header, and without a configured key it does not exist.
    /// </summary>
    public static WebApplication MapSchedules(this WebApplication app)
    {
        app.MapGet("/api/schedules", async (HttpContext http, IServiceProvider services, CmBotDb db, CancellationToken cancellationToken) =>
        {
            if (Refusal(http, app.Environment, app.Configuration) is { } refused) return refused;
            if (services.GetService<ReminderScheduler>() is not { } scheduler)
                return Results.Problem("Reminders are switched off (Reminders:Enabled).", statusCode: StatusCodes.Status503ServiceUnavailable);
            var brands = await db.Brands.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
            var fires = await scheduler.NextFiresAsync(cancellationToken);
            return Results.Ok(fires.Select(f => new
            {
                brandId = f.BrandId,
                brand = f.BrandId is { } id ? brands.GetValueOrDefault(id) : null,
                job = f.Job,
                nextFire = f.NextFire?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            }));
        });
        return app;
    }

    private static IResult? Refusal(HttpContext http, IWebHostEnvironment environment, IConfiguration configuration)
    {
        if (environment.IsDevelopment()) return null;
        var key = configuration["Admin:ApiKey"];
        if (string.IsNullOrEmpty(key)) return Results.NotFound();
        var given = http.Request.Headers[AdminKeyHeader].ToString();
        // Constant time, so the key cannot be guessed a character at a time from response timings.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)) ? null : Results.Unauthorized();
    }
}
