using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CmBot.Domain.Store;
using CmBot.Slack;
using CmBot.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CmBot.Tests.Slack;

/// <summary>
/// CmBot in Development (demo brand seeded, the fallback brand for unlinked conversations) talking to a
/// <see cref="FakeSlackApi"/>, with helpers that sign requests as Slack does. Every log line is captured.
/// </summary>
public sealed class SlackHost : IAsyncDisposable
{
    public const string Secret = "5c0b1a29384756e6f7a8b9c0d1e2f3a4";
    public const string BotToken = "xoxb-1111-2222-configuredtoken";

    public FakeSlackApi Api { get; }
    public CmBotFactory Factory { get; }
    public WebApplicationFactory<Program> App { get; }
    public HttpClient Client { get; }
    public CapturedLogs Logs { get; } = new();

    private SlackHost(FakeSlackApi api, Dictionary<string, string?> extra)
    {
        Api = api;
        var settings = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = Secret,
            ["Slack:BotToken"] = BotToken,
            ["Slack:ApiBaseUrl"] = api.ApiBaseUrl,
            ["Slack:PostInterval"] = "00:00:00.050",
            ["Delivery:PollInterval"] = "00:00:00.100",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        Factory = new CmBotFactory(settings);
        App = Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(Logs).AddFilter<CapturedLogs>(null, LogLevel.Trace)));
        Client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    /// <summary><paramref name="before"/> prepares the fake before CmBot starts (Socket Mode connects at start).</summary>
    public static async Task<SlackHost> StartAsync(Dictionary<string, string?>? settings = null, Action<FakeSlackApi>? before = null)
    {
        var api = await FakeSlackApi.StartAsync();
        before?.Invoke(api);
        return new SlackHost(api, settings ?? []);
    }

    private static int messages;

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, long? timestamp = null,
        int? retryNum = null, string secret = Secret)
    {
        var ts = (timestamp ?? Now).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", SlackSignature.Compute(secret, ts, Encoding.UTF8.GetBytes(body)));
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostEventAsync(JsonObject body, int? retryNum = null) =>
        PostSignedAsync("/slack/events", body.ToJsonString(), "application/json", retryNum: retryNum);

    public Task<HttpResponseMessage> PostInteractionAsync(JsonObject payload) =>
        PostSignedAsync("/slack/interactivity", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> PostCommandAsync(Dictionary<string, string> fields) =>
        PostSignedAsync("/slack/commands", new FormUrlEncodedContent(fields).ReadAsStringAsync().Result, "application/x-www-form-urlencoded");

    /// <summary>An app_mention in <paramref name="channel"/> saying <paramref name="text"/> after the bot's mention.</summary>
    public static JsonObject Mention(string text, string eventId, string channel = "C05DRAFTS01", string user = "U03PRIYA9RM")
    {
        var body = Samples.Json("slack-event-app-mention.json");
        body["event_id"] = eventId;
        var inner = body["event"]!.AsObject();
        inner["text"] = $"<@{FakeSlackApi.BotUserId}> {text}";
        inner["channel"] = channel;
        inner["user"] = user;
        var ts = $"1778491234.{Interlocked.Increment(ref messages):000000}";
        inner["ts"] = ts;
        inner["event_ts"] = ts;
        return body;
    }

    public T Db<T>(Func<CmBotDb, T> query)
    {
        using var scope = App.Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<CmBotDb>());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Factory.Dispose();
        await Api.DisposeAsync();
    }
}
