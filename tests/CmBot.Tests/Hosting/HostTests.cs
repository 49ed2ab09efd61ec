using System.Net;
using System.Text.Json;
using CmBot.Domain.Demo;
using CmBot.Domain.Store;
using CmBot.Tests.Support;
using CmBot.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CmBot.Tests.Hosting;

public sealed class HostTests
{
    [Fact]
    public async Task Healthz_WithAMigratedStore_ReportsHealthy()
    {
        using var factory = new CmBotFactory();

        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
    }

    [Fact]
    public async Task StoreHealth_WhenTheStoreCannotBeOpened_IsUnhealthy_WithoutTheConnectionString()
    {
        var options = new StoreOptions { ConnectionString = "Data Source=/nonexistent-cmbot-folder/secret-name.db;Mode=ReadWrite" };
        await using var db = new CmBotDb(options.DbContextOptions());

        var result = await new StoreHealthCheck(db, Options.Create(options)).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.DoesNotContain("secret-name", result.Description);
    }

    [Fact]
    public async Task Healthz_WhenACheckFails_Reports503WithItsName()
    {
        using var factory = new CmBotFactory();
        using var broken = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddHealthChecks().AddCheck("probe", () => HealthCheckResult.Unhealthy("down"))));

        var response = await broken.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("probe").GetProperty("status").GetString());
    }

    [Fact]
    public void Start_InDevelopmentWithAnEmptyStore_SeedsTheFrenchDemoBrand()
    {
        using var factory = new CmBotFactory(new() { ["Demo:Seed"] = "true" });
        _ = factory.Server;

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        var brand = Assert.Single(db.Brands.ToList());
        Assert.Equal((DemoData.BrandName, "Europe/Paris"), (brand.Name, brand.TimeZoneId));
        Assert.NotEmpty(db.Drafts.ToList());
        Assert.NotEmpty(db.Comments.ToList());
        Assert.NotEmpty(db.MetricSamples.ToList());
    }

    [Fact]
    public void Start_WithoutSeedSetting_LeavesTheStoreEmpty()
    {
        using var factory = new CmBotFactory(new() { ["Demo:Seed"] = "false" });
        _ = factory.Server;

        using var scope = factory.Services.CreateScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<CmBotDb>().Brands.ToList());
    }
}
