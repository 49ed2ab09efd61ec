using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CmBot.Domain.Delivery;
using CmBot.Domain.Integrations;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Webhooks;

/// <summary>
/// Sends the outbox's "webhook" rows: POSTs the JSON body to the subscription's URL, signed with its secret as
/// <c>X-CmBot-Signature: sha256=&lt;hex HMAC-SHA256 of "&lt;timestamp&gt;.&lt;body&gt;"&gt;</c> with <c>X-CmBot-Timestamp</c> (Unix
/// seconds), so a receiver can refuse a replayed old delivery. 5xx, 408, timeouts and broken connections are
/// retried by the dispatcher with backoff; 429 after its Retry-After; any other 4xx is given up.
/// </summary>
public sealed class WebhookSender(IServiceScopeFactory scopes, IHttpClientFactory clients, ISecretProtector protector, TimeProvider clock)
    : IChannelSender
{
    public const string ClientName = "cmbot-webhooks";

    public string Channel => WebhookSubscription.Channel;

    public async Task<string> PostAsync(string conversationId, string? threadId, OutboundContent content, CancellationToken cancellationToken)
    {
        var (url, secret) = await SubscriptionAsync(conversationId, cancellationToken);
        var body = content.Text ?? throw new DeliveryException(DeliveryFailure.Rejected, "empty webhook body");
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CmBot-Timestamp", timestamp);
        request.Headers.Add("X-CmBot-Signature", HmacSignature.Sign(secret, Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
        if (DraftWebhookEvent.FromJson(body) is { } draftEvent)
        {
            request.Headers.Add("X-CmBot-Event", draftEvent.Event);
            request.Headers.Add("X-CmBot-Event-Id", draftEvent.EventId);
        }
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new DeliveryException(DeliveryFailure.Transient, $"connection failed ({error.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryException(DeliveryFailure.Transient, "timed out");
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return $"http-{status}";
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                throw new DeliveryException(DeliveryFailure.Throttled, "HTTP 429", response.Headers.RetryAfter?.Delta);
            if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
                throw new DeliveryException(DeliveryFailure.Transient, $"HTTP {status}");
            throw new DeliveryException(DeliveryFailure.Rejected, $"HTTP {status}");
        }
    }

    /// <summary>Webhook deliveries are events: never edited nor withdrawn once sent.</summary>
    public Task UpdateAsync(string conversationId, string? threadId, string messageId, OutboundContent content, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task DeleteAsync(string conversationId, string? threadId, string messageId, CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<(string Url, string Secret)> SubscriptionAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        var id = int.TryParse(conversationId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var subscription = await db.WebhookSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null || subscription.DisabledAt is not null)
            throw new DeliveryException(DeliveryFailure.Rejected, "webhook turned off or replaced");
        try
        {
            return (subscription.Url, protector.Unprotect(subscription.EncryptedSecret));
        }
        catch (CryptographicException)
        {
            throw new DeliveryException(DeliveryFailure.Rejected, "webhook secret unreadable (data protection keys lost): set the webhook again");
        }
    }
}
