using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using CmBot.Domain.Demo;
using CmBot.Domain.Store;
using CmBot.Teams.Connector;
using CmBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Tests.Teams;

/// <summary>
/// CmBot in Development on its own SQLite file with the demo brand, a fake connector on loopback, and helpers to post
/// activities. Without an app id it runs in local development mode (unsigned requests); with one, tokens are checked
/// against the fake connector's metadata and outbound tokens come from a stub (never from the network).
/// </summary>
public sealed class TeamsTestHost : IAsyncDisposable
{
    public const string StubToken = "stub-connector-token";

    private readonly CmBotFactory root;

    private TeamsTestHost(FakeConnector connector, CmBotFactory root, WebApplicationFactory<Program> factory)
    {
        Connector = connector;
        this.root = root;
        Factory = factory;
        Client = factory.CreateClient();
    }

    public FakeConnector Connector { get; }
    public WebApplicationFactory<Program> Factory { get; }
    public HttpClient Client { get; }
    /// <summary>Shaped like a real one: it has a region path that must survive URL building.</summary>
    public string ServiceUrl => Connector.BaseUrl + "/emea/";

    public static async Task<TeamsTestHost> StartAsync(bool withAppId = false, Action<FakeConnector>? prepare = null)
    {
        var connector = await FakeConnector.StartAsync();
        prepare?.Invoke(connector);
        var settings = new Dictionary<string, string?>
        {
            ["Demo:Seed"] = "true",
            ["Conversations:FallbackBrand"] = DemoData.BrandName,
        };
        if (withAppId)
        {
            settings["MicrosoftAppId"] = TestSigningKey.AppId;
            settings["MicrosoftAppPassword"] = "not-a-real-secret";
            settings["MicrosoftAppTenantId"] = "5e1f0c3a-92d4-4b6e-8f17-2a9c4d6b8e01";
            settings["Teams:OpenIdMetadataUrl"] = connector.MetadataUrl;
        }
        var root = new CmBotFactory(settings);
        var factory = root.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            if (withAppId) services.AddSingleton<IConnectorTokenSource>(new StubTokens());
        }));
        var host = new TeamsTestHost(connector, root, factory);
        _ = factory.Server;
        return host;
    }

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = null) => await PostRawAsync(activity.ToJsonString(), token);

    public async Task<HttpResponseMessage> PostRawAsync(string body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Client.SendAsync(request);
    }

    /// <summary>A sample from Samples/, its serviceUrl pointed at the fake connector.</summary>
    public JsonObject Sample(string name)
    {
        var activity = JsonNode.Parse(File.ReadAllText(Path.Combine(SamplesFolder(), name)))!.AsObject();
        activity["serviceUrl"] = ServiceUrl;
        return activity;
    }

    public async Task<T> InStoreAsync<T>(Func<CmBotDb, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CmBotDb>());
    }

    public async Task UntilAsync(Func<CmBotDb, Task<bool>> condition, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await InStoreAsync(condition))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The store never reached the expected state.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await root.DisposeAsync();
        await Connector.DisposeAsync();
    }

    /// <summary>The samples are this project's own test data, found beside this source file.</summary>
    private static string SamplesFolder([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Samples");

    private sealed class StubTokens : IConnectorTokenSource
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(StubToken);
    }
}
