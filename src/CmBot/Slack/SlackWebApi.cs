using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace CmBot.Slack;

/// <summary>
/// Slack's Web API over HttpClient: JSON bodies for writes, forms for the rest, the token in the Authorization
/// header only. HTTP 200 is not success: <c>ok</c> is checked, and every failure is a <see cref="SlackApiException"/>.
/// </summary>
public sealed class SlackWebApi(IHttpClientFactory clients, IOptions<SlackOptions> options, TimeProvider clock)
{
    /// <summary>The named HttpClient of the Web API (its handlers are pooled and rotated by the factory).</summary>
    public const string ClientName = "slack";

    public Task<JsonElement> PostMessageAsync(string token, string channel, string? threadTs, string text, JsonArray? blocks, CancellationToken ct) =>
        CallAsync("chat.postMessage", token, new JsonObject
        {
            ["channel"] = channel, ["text"] = text, ["blocks"] = blocks, ["thread_ts"] = threadTs, ["unfurl_links"] = false,
        }, ct);

    public Task<JsonElement> UpdateAsync(string token, string channel, string ts, string text, JsonArray? blocks, CancellationToken ct) =>
        CallAsync("chat.update", token, new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text, ["blocks"] = blocks ?? [] }, ct);

    public Task<JsonElement> PostEphemeralAsync(string token, string channel, string user, string text, string? threadTs, CancellationToken ct) =>
        CallAsync("chat.postEphemeral", token, new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text, ["thread_ts"] = threadTs }, ct);

    public Task<JsonElement> DeleteAsync(string token, string channel, string ts, CancellationToken ct) =>
        CallAsync("chat.delete", token, new JsonObject { ["channel"] = channel, ["ts"] = ts }, ct);

    /// <summary>The trigger lives 3 s from the click: a rate limit is waited out only while the retry still lands inside 2 s.</summary>
    public Task<JsonElement> OpenViewAsync(string token, string triggerId, JsonObject view, CancellationToken ct) =>
        WithRetryAsync(() => CallAsync("views.open", token, new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() }, ct), TimeSpan.FromSeconds(2), ct);

    public Task<JsonElement> UpdateViewAsync(string token, string viewId, JsonObject view, CancellationToken ct) =>
        WithRetryAsync(() => CallAsync("views.update", token, new JsonObject { ["view_id"] = viewId, ["view"] = view.DeepClone() }, ct), TimeSpan.FromSeconds(5), ct);

    public Task<JsonElement> PublishViewAsync(string token, string userId, JsonObject view, CancellationToken ct) =>
        WithRetryAsync(() => CallAsync("views.publish", token, new JsonObject { ["user_id"] = userId, ["view"] = view.DeepClone() }, ct), TimeSpan.FromSeconds(5), ct);

    public Task<JsonElement> AuthTestAsync(string token, CancellationToken ct) =>
        WithRetryAsync(() => FormAsync("auth.test", new AuthenticationHeaderValue("Bearer", token), [], ct), TimeSpan.FromSeconds(5), ct);

    public Task<JsonElement> ConversationInfoAsync(string token, string channel, CancellationToken ct) =>
        WithRetryAsync(() => FormAsync("conversations.info", new AuthenticationHeaderValue("Bearer", token), new() { ["channel"] = channel }, ct), TimeSpan.FromSeconds(5), ct);

    /// <summary>Socket Mode: the app token goes in the header (Slack refuses it as a parameter).</summary>
    public Task<JsonElement> OpenConnectionAsync(string appToken, CancellationToken ct) =>
        FormAsync("apps.connections.open", new AuthenticationHeaderValue("Bearer", appToken), [], ct);

    /// <summary>OAuth v2: the code for a bot token, with the client credentials as HTTP Basic.</summary>
    public Task<JsonElement> OAuthAccessAsync(string clientId, string clientSecret, string code, string redirectUri, CancellationToken ct) =>
        FormAsync("oauth.v2.access",
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}"))),
            new() { ["code"] = code, ["redirect_uri"] = redirectUri }, ct);

    /// <summary>A one-off reply through an interaction's response_url (no token: the URL is the credential).</summary>
    public async Task RespondAsync(string responseUrl, JsonObject body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = Json(body) };
        await SendAsync("response_url", request, ct);
    }

    public Task<JsonElement> CallAsync(string method, string token, JsonObject body, CancellationToken ct)
    {
        RemoveNulls(body);
        var request = new HttpRequestMessage(HttpMethod.Post, Url(method)) { Content = Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return SendAsync(method, request, ct);
    }

    private Task<JsonElement> FormAsync(string method, AuthenticationHeaderValue auth, Dictionary<string, string> form, CancellationToken ct)
    {
        // FormUrlEncodedContent sends no charset, as Slack wants for forms.
        var request = new HttpRequestMessage(HttpMethod.Post, Url(method)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = auth;
        return SendAsync(method, request, ct);
    }

    private async Task<JsonElement> SendAsync(string method, HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        {
            HttpResponseMessage response;
            try
            {
                response = await clients.CreateClient(ClientName).SendAsync(request, ct);
            }
            catch (HttpRequestException)
            {
                throw new SlackApiException(method, "network");
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new SlackApiException(method, "timeout");
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    throw new SlackApiException(method, "ratelimited", status, RetryAfter(response));
                if (status >= 500) throw new SlackApiException(method, $"http_{status}", status);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (!response.IsSuccessStatusCode) throw new SlackApiException(method, $"http_{status}", status);
                if (method == "response_url") return default;
                JsonElement root;
                try { root = JsonDocument.Parse(text).RootElement.Clone(); }
                catch (JsonException) { throw new SlackApiException(method, "invalid_response", status); }
                if (root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True) return root;
                var error = root.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown_error" : "unknown_error";
                throw new SlackApiException(method, error, status, error == "ratelimited" ? TimeSpan.FromSeconds(1) : null);
            }
        }
    }

    /// <summary>For calls a person waits on: a rate limit is waited out when it fits the budget, else it surfaces.</summary>
    private async Task<JsonElement> WithRetryAsync(Func<Task<JsonElement>> call, TimeSpan budget, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + budget;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (SlackApiException limited) when (limited.IsRateLimited
                && clock.GetUtcNow() + (limited.RetryAfter ?? TimeSpan.FromSeconds(1)) <= deadline)
            {
                await Task.Delay(limited.RetryAfter ?? TimeSpan.FromSeconds(1), clock, ct);
            }
        }
    }

    private TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.RetryAfter?.Date is { } date ? date - clock.GetUtcNow() : (TimeSpan?)null)
        ?? TimeSpan.FromSeconds(1);

    private Uri Url(string method) => new(new Uri(EnsureSlash(options.Value.ApiBaseUrl)), method);

    private static string EnsureSlash(string url) => url.EndsWith('/') ? url : url + "/";

    private static StringContent Json(JsonObject body) =>
        new(body.ToJsonString(), new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" });

    private static void RemoveNulls(JsonObject body)
    {
        foreach (var key in body.Where(p => p.Value is null).Select(p => p.Key).ToList()) body.Remove(key);
    }
}
