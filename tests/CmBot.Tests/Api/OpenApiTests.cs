using System.Net;
using System.Text.Json;

namespace CmBot.Tests.Api;

public sealed class OpenApiTests : IDisposable
{
    private readonly ApiHost host = new();

    [Fact]
    public async Task OpenApiDocument_IsServed_AndListsTheApi()
    {
        var response = await host.Client().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Superset(new HashSet<string>
        {
            "/api/brands", "/api/drafts", "/api/drafts/{id}", "/api/drafts/{id}/deliveries", "/api/comments", "/api/comments/batch",
            "/api/metrics", "/api/metrics/batch", "/api/metrics/csv", "/api/numbers",
        }, paths.ToHashSet());
        Assert.DoesNotContain(paths, p => p.StartsWith("/webhooks", StringComparison.Ordinal));
    }

    public void Dispose() => host.Dispose();
}
