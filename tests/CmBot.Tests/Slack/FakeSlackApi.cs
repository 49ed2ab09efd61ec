using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CmBot.Tests.Slack;

/// <summary>
/// A stand-in for Slack on 127.0.0.1 (random port): the Web API under /api/{method}, response_urls under /hooks,
/// shared files under /files-pri/ (the url_private of tests), and a Socket Mode websocket at /socket. Records every call; answers like Slack unless a test scripted otherwise.
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    public sealed record Call(string Method, string? Authorization, string? ContentType, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
        public string? Form(string name) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Body).TryGetValue(name, out var v) ? v.ToString() : null;
    }

    public const string BotUserId = "U07BOTUSR01";
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Call> calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<Call, IResult>>> scripts = new();
    private int ts;

    /// <summary>What the websocket at /socket does with each connection (Socket Mode tests).</summary>
    public Func<WebSocket, int, Task>? Socket { get; set; }
    public int SocketConnections;

    private FakeSlackApi(WebApplication app) => this.app = app;

    public string Root => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    public string ApiBaseUrl => Root + "/api/";
    public string ResponseUrl(string id = "T1/1/x") => Root + "/hooks/" + id;

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", fake.ApiAsync);
        app.MapPost("/hooks/{**rest}", fake.HookAsync);
        app.Map("/socket", fake.SocketAsync);
        app.MapGet("/files-pri/{**path}", fake.FileAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>Files served under /files-pri/ (as url_private), by path after it; each GET is recorded as a "file" call.</summary>
    public ConcurrentDictionary<string, Func<IResult>> Files { get; } = new();

    /// <summary>Serves <paramref name="content"/> and returns its url_private_download.</summary>
    public string AddFile(string path, string content, string contentType = "text/csv")
    {
        Files[path] = () => Results.Text(content, contentType);
        return Root + "/files-pri/" + path;
    }

    public IReadOnlyList<Call> Calls => calls.ToList();
    public IReadOnlyList<Call> CallsTo(string method) => calls.Where(c => c.Method == method).ToList();

    /// <summary>The next call of <paramref name="method"/> is answered by this instead of the default.</summary>
    public void Script(string method, Func<Call, IResult> answer) => scripts.GetOrAdd(method, _ => new()).Enqueue(answer);

    public static IResult Error(string error) => Results.Json(new { ok = false, error });

    /// <summary>HTTP 429 with Retry-After, as Slack rate-limits.</summary>
    public static IResult RateLimited(int seconds) => new RateLimitedResult(seconds);

    private sealed class RateLimitedResult(int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return context.Response.WriteAsJsonAsync(new { ok = false, error = "ratelimited" });
        }
    }

    public async Task<IReadOnlyList<Call>> WaitForAsync(string method, int count = 1, Func<Call, bool>? where = null, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < until)
        {
            var found = CallsTo(method).Where(where ?? (_ => true)).ToList();
            if (found.Count >= count) return found;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Expected {count} call(s) to {method}; saw: {string.Join(", ", Calls.Select(c => c.Method))}");
    }

    private async Task<IResult> ApiAsync(string method, HttpRequest request)
    {
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync();
        var call = new Call(method, request.Headers.Authorization.ToString(), request.ContentType, body);
        calls.Enqueue(call);
        if (scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted)) return scripted(call);
        return method switch
        {
            "chat.postMessage" => Results.Json(new { ok = true, channel = call.Json.GetProperty("channel").GetString(), ts = $"1778500000.{Interlocked.Increment(ref ts):000000}" }),
            "views.open" or "views.update" or "views.publish" => Results.Json(new { ok = true, view = new { id = "V0FAKE", hash = "1.h" } }),
            "auth.test" => Results.Json(new { ok = true, user_id = BotUserId, bot_id = "B07BOTID0XY", team_id = "T04CMTY7Q2N" }),
            "oauth.v2.access" => Results.Json(new
            {
                ok = true, access_token = "xoxb-installed-5f1d0c9e8b7a", token_type = "bot", bot_user_id = "U0INSTBOT1",
                team = new { id = "T0INSTALL1", name = "Installed Co" }, authed_user = new { id = "U0INSTALLER" },
            }),
            "apps.connections.open" => Results.Json(new { ok = true, url = Root.Replace("http://", "ws://") + "/socket" }),
            _ => Results.Json(new { ok = true }),
        };
    }

    private IResult FileAsync(string path, HttpRequest request)
    {
        calls.Enqueue(new Call("file", request.Headers.Authorization.ToString(), null, request.Path + request.QueryString));
        return Files.TryGetValue(path, out var file) ? file() : Results.NotFound();
    }

    private async Task<IResult> HookAsync(HttpRequest request)
    {
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync();
        calls.Enqueue(new Call("response_url", null, request.ContentType, body));
        return Results.Ok();
    }

    private async Task SocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || Socket is not { } script)
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await script(socket, Interlocked.Increment(ref SocketConnections));
    }

    public static Task SendAsync(WebSocket socket, JsonObject frame) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    public static async Task<JsonElement?> ReceiveAsync(WebSocket socket, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[16384];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancel.Token);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return JsonDocument.Parse(message.ToArray()).RootElement.Clone();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
