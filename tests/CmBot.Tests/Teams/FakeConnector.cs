using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CmBot.Tests.Teams;

/// <summary>One request the fake connector received, with its path exactly as sent (not decoded).</summary>
public sealed record ConnectorCall(string Method, string RawTarget, string? Authorization, string Body, int Status);

/// <summary>
/// A Bot Connector stand-in on 127.0.0.1 with a random port: records every REST call and answers 201 with a fresh
/// id, or what a test scripted; also serves OpenID metadata and a JWKS (at /openid and /keys) for the token tests.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter, string Body)> scripted = new();
    private int nextId = 1795000000;

    private FakeConnector(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";
    public string MetadataUrl => BaseUrl + "/openid";
    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();
    /// <summary>The JWKS document served at /keys; tests rotate keys by replacing it.</summary>
    public string Jwks { get; set; } = """{"keys":[]}""";
    public int JwksFetches;

    public IReadOnlyList<ConnectorCall> Activities => Calls.ToList();

    /// <summary>Files served by GET at their path (a Teams downloadUrl stand-in); each fetch is recorded in <see cref="Calls"/>.</summary>
    public ConcurrentDictionary<string, string> Files { get; } = new();

    /// <summary>Serves <paramref name="content"/> and returns its download URL, with a tempauth-like query as the real ones carry.</summary>
    public string AddFile(string path, string content)
    {
        Files[path] = content;
        return BaseUrl + path + "?tempauth=v1.secret-looking-token";
    }

    /// <summary>The next connector call gets this answer instead of 201.</summary>
    public void Script(int status, string? retryAfter = null, string body = "") => scripted.Enqueue((status, retryAfter, body));

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        connector.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return connector;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path == "/openid")
        {
            await context.Response.WriteAsJsonAsync(new { issuer = "https://api.botframework.com", jwks_uri = BaseUrl + "/keys", id_token_signing_alg_values_supported = new[] { "RS256" } });
            return;
        }
        if (path == "/keys")
        {
            Interlocked.Increment(ref JwksFetches);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Jwks);
            return;
        }
        if (context.Request.Method == "GET" && path is not null && Files.TryGetValue(path, out var file))
        {
            Calls.Enqueue(new ConnectorCall("GET", context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget, context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null, "", 200));
            context.Response.ContentType = "text/csv";
            await context.Response.WriteAsync(file);
            return;
        }
        var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync();
        var raw = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var (status, retryAfter, answer) = scripted.TryDequeue(out var next) ? next : (context.Request.Method == "POST" ? 201 : 200, null, "");
        Calls.Enqueue(new ConnectorCall(context.Request.Method, raw, context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, body, status));
        context.Response.StatusCode = status;
        if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
        if (status is 200 or 201)
            await context.Response.WriteAsJsonAsync(new { id = context.Request.Method == "POST" ? Interlocked.Increment(ref nextId).ToString() : raw.Split('/').Last() });
        else if (answer.Length > 0)
            await context.Response.WriteAsync(answer);
    }

    public async Task<ConnectorCall> WaitForAsync(Func<ConnectorCall, bool> match, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (Calls.FirstOrDefault(match) is { } call) return call;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No matching connector call within {seconds}s; saw: {string.Join(" | ", Calls.Select(c => $"{c.Method} {c.RawTarget} {c.Status}"))}");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
