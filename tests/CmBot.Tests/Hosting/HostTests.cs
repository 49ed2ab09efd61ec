using System.Net;
using System.Text.Json;
using CmBot.Domain.Demo;
using CmBot.Domain.Store;
using CmBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task Healthz_WithAnUnreachableStore_Reports503()
    {
        using var factory = new CmBotFactory();
        var client = factory.CreateClient();
        // The store goes away under a running host (its file replaced by a folder): its health must say so.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(factory.DatabasePath);
        Directory.CreateDirectory(factory.DatabasePath);

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Directory.Delete(factory.DatabasePath);
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
