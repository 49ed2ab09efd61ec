using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CmBot.Domain.Delivery;
using CmBot.Teams.Cards;

namespace CmBot.Teams.Connector;

/// <summary>
/// Sends the outbox's Teams messages through the Bot Connector REST API (teams.md §3): post into a conversation or
/// a thread, replace a posted activity (PUT), delete one. Only to a serviceUrl learned from an authenticated
/// activity, https outside development, paced under the documented limits; failures become DeliveryExceptions
/// the dispatcher knows how to retry.
/// </summary>
public sealed class TeamsSender(
    IHttpClientFactory httpClients,
    IServiceScopeFactory scopes,
    RecentConversations recent,
    IConnectorTokenSource tokens,
    ConnectorPacer pacer,
    IHostEnvironment environment,
    ILogger<TeamsSender> logger) : IChannelSender
{
    public const string HttpClientName = "teams-connector";

    public string Channel => TeamsConversations.Channel;

    /// <summary>A conversation whose tenant is not known here yet is taken as free: its send looks it up anyway.</summary>
    public bool CanPostNow(string conversationId) =>
        recent.Target(TeamsConversations.BaseId(conversationId)) is not { } target || pacer.IsFree(conversationId, target.TenantId);

    public async Task<string> PostAsync(string conversationId, string? threadId, OutboundContent content, CancellationToken cancellationToken)
    {
        var (serviceUrl, tenantId) = await TargetAsync(conversationId, cancellationToken);
        var body = ConnectorActivities.Message(content);
        using var response = await SendAsync(HttpMethod.Post, ConnectorUrls.Activities(serviceUrl, threadId ?? conversationId), body, conversationId, tenantId, cancellationToken);
        var id = await ReadIdAsync(response, cancellationToken);
        if (id is null) logger.LogWarning("The Teams connector returned no activity id for a post; that message cannot be updated later");
        return id ?? "";
    }

    public async Task UpdateAsync(string conversationId, string? threadId, string messageId, OutboundContent content, CancellationToken cancellationToken)
    {
        var (serviceUrl, tenantId) = await TargetAsync(conversationId, cancellationToken);
        var body = ConnectorActivities.Message(content, messageId);
        using var _ = await SendAsync(HttpMethod.Put, ConnectorUrls.Activity(serviceUrl, threadId ?? conversationId, messageId), body, conversationId, tenantId, cancellationToken);
    }

    public async Task DeleteAsync(string conversationId, string? threadId, string messageId, CancellationToken cancellationToken)
    {
        var (serviceUrl, tenantId) = await TargetAsync(conversationId, cancellationToken);
        try
        {
            using var _ = await SendAsync(HttpMethod.Delete, ConnectorUrls.Activity(serviceUrl, threadId ?? conversationId, messageId), null, conversationId, tenantId, cancellationToken);
        }
        catch (DeliveryException gone) when (gone.Failure == DeliveryFailure.ConversationGone && gone.Message.StartsWith("404", StringComparison.Ordinal))
        {
            // Deleting a message that is already gone is done; it must not unlink the conversation.
        }
    }

    private async Task<(string ServiceUrl, string? TenantId)> TargetAsync(string conversationId, CancellationToken cancellationToken)
    {
        var (serviceUrl, tenantId) = recent.Target(TeamsConversations.BaseId(conversationId)) ?? await StoredTargetAsync(conversationId, cancellationToken);
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url)
            || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && environment.IsDevelopment())))
            throw new DeliveryException(DeliveryFailure.Rejected, "the conversation's serviceUrl is not a trusted https address");
        return (serviceUrl, tenantId);
    }

    private async Task<(string ServiceUrl, string? TenantId)> StoredTargetAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reference = await scope.ServiceProvider.GetRequiredService<TeamsConversations>().FindAsync(conversationId, cancellationToken)
            ?? throw new DeliveryException(DeliveryFailure.ConversationGone, "no Teams conversation reference (never seen, or the bot was removed)");
        return (reference.ServiceUrl ?? "", reference.TenantId);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, JsonObject? body, string conversationId, string? tenantId, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        var slot = await pacer.WaitAsync(conversationId, tenantId, cancellationToken);
        using var request = new HttpRequestMessage(method, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, AdaptiveCardRenderer.Wire))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
            };
        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new DeliveryException(DeliveryFailure.Transient, $"connector unreachable ({error.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryException(DeliveryFailure.Transient, "connector timed out");
        }
        finally
        {
            pacer.Answered(conversationId, tenantId, slot);
        }
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await FailureAsync(response, cancellationToken);
    }

    private async Task<DeliveryException> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var code = await ReadErrorCodeAsync(response, cancellationToken);
        var operation = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
        logger.LogWarning("Teams connector answered {Status} {Code} (operation {OperationId})", status, code, operation);
        var detail = $"{status} {code}".TrimEnd();
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new DeliveryException(DeliveryFailure.Throttled, detail, RetryAfter(response)),
            HttpStatusCode.Forbidden or HttpStatusCode.NotFound => new DeliveryException(DeliveryFailure.ConversationGone, detail),
            HttpStatusCode.PreconditionFailed or HttpStatusCode.RequestTimeout => new DeliveryException(DeliveryFailure.Transient, detail),
            // Our token was refused: credentials being rotated or misconfigured. Keep the message and retry
            // with backoff (the dispatcher logs each attempt) rather than drop what was accepted.
            HttpStatusCode.Unauthorized => new DeliveryException(DeliveryFailure.Transient, detail),
            _ when status >= 500 => new DeliveryException(DeliveryFailure.Transient, detail, RetryAfter(response)),
            _ => new DeliveryException(DeliveryFailure.Rejected, detail),
        };
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The connector's `{"error":{"code"}}`, kept short: it goes into logs and the outbox's last error.</summary>
    private static async Task<string> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return json.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()![..Math.Min(code.GetString()!.Length, 80)] : "";
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return "";
        }
    }
}
