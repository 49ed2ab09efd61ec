using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CmBot.Domain.Demo;
using CmBot.Domain.Integrations;
using CmBot.Domain.Store;
using CmBot.Slack;
using CmBot.Tests.Slack;
using CmBot.Tests.Support;
using CmBot.Tests.Teams;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CmBot.Tests.Reliability;

/// <summary>
/// One host with every door open the way its peers open it: Teams in local development mode (unsigned) against a
/// fake connector, Slack and Meta with known secrets against a fake Slack API, and an API key of the demo brand.
/// Errors with exceptions are captured.
/// </summary>
public sealed class ReliabilityHost : IAsyncDisposable
{
    public const string SlackSecret = "5c0b1a29384756e6f7a8b9c0d1e2f3a4";
    public const string MetaSecret = "meta-app-secret-for-reliability";

    private ReliabilityHost(FakeConnector connector, FakeSlackApi slack, CmBotFactory root, WebApplicationFactory<Program> app, ErrorLogs errors)
    {
        Errors = errors;
        Connector = connector;
        Slack = slack;
        Root = root;
        App = app;
        Client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        var brand = db.Brands.Single(b => b.Name == DemoData.BrandName);
        var (prefix, secret, key) = ApiKeySecrets.Generate();
        db.ApiKeys.Add(new ApiKey
        {
            BrandId = brand.Id, Name = "reliability", Prefix = prefix, SecretHash = ApiKeySecrets.Hash(secret),
            CreatedById = "u-tests", CreatedByName = "Tests", CreatedAt = DateTimeOffset.UtcNow,
        });
        db.SaveChanges();
        ApiKey = key;
    }

    public FakeConnector Connector { get; }
    public FakeSlackApi Slack { get; }
    public CmBotFactory Root { get; }
    public WebApplicationFactory<Program> App { get; }
    public HttpClient Client { get; }
    /// <summary>Errors with exceptions logged since the host was built, start-up included.</summary>
    public ErrorLogs Errors { get; }
    public string ApiKey { get; }
    public string ServiceUrl => Connector.BaseUrl + "/emea/";

    public static async Task<ReliabilityHost> StartAsync()
    {
        var connector = await FakeConnector.StartAsync();
        var slack = await FakeSlackApi.StartAsync();
        var root = new CmBotFactory(new()
        {
            ["Demo:Seed"] = "true",
            ["Conversations:FallbackBrand"] = DemoData.BrandName,
            ["Slack:SigningSecret"] = SlackSecret,
            ["Slack:BotToken"] = SlackHost.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:PostInterval"] = "00:00:00.010",
            ["Meta:AppSecret"] = MetaSecret,
            ["Delivery:PollInterval"] = "00:00:00.100",
            ["Delivery:MaxBackoff"] = "00:00:00.500",
        });
        var errors = new ErrorLogs();
        var app = root.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(errors)));
        _ = app.Server;
        return new ReliabilityHost(connector, slack, root, app, errors);
    }

    public Task<HttpResponseMessage> SendAsync(string path, byte[] body, string? contentType, bool signed = true, bool withKey = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        if (contentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (signed && path.StartsWith("/slack/", StringComparison.Ordinal))
        {
            var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            request.Headers.Add("X-Slack-Request-Timestamp", ts);
            request.Headers.Add("X-Slack-Signature", SlackSignature.Compute(SlackSecret, ts, body));
        }
        if (signed && path.StartsWith("/webhooks/meta", StringComparison.Ordinal))
            request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(MetaSecret), body)));
        if (withKey && path.StartsWith("/api/", StringComparison.Ordinal) && path != "/api/messages")
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Root.DisposeAsync();
        await Slack.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
