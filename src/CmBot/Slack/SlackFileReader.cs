using System.Net.Http.Headers;
using CmBot.Api;
using CmBot.Domain.Conversations;
using CmBot.Domain.Integrations;
using Microsoft.Extensions.Options;

namespace CmBot.Slack;

/// <summary>
/// Fetches a file shared in Slack from its url_private with the workspace's bot token (scope files:read). The token
/// goes to Slack's file host only (or the configured Web API host, where tests run their fake): a locator pointing
/// anywhere else is refused before any request, and redirects are not followed, so the token cannot be led away.
/// </summary>
public sealed class SlackFileReader(IHttpClientFactory clients, SlackTokens tokens, IOptions<SlackOptions> options, ILogger<SlackFileReader> logger) : IAttachmentReader
{
    public const string ClientName = "slack-files";
    public const string FileHost = "files.slack.com";

    public string Channel => SlackTokens.Channel;

    public async Task<byte[]> ReadAsync(ChatAddress where, ChatAttachment attachment, long maxBytes, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(attachment.Locator, UriKind.Absolute, out var url) || !IsFileHost(url))
            throw new AttachmentException(AttachmentProblem.NotAllowed, "not a Slack file address");
        var token = await tokens.ForConversationAsync(where.ConversationId, cancellationToken)
            ?? throw new AttachmentException(AttachmentProblem.Unavailable, "no bot token for this workspace");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            return await LimitedDownload.ReadAsync(clients.CreateClient(ClientName), request, maxBytes, cancellationToken);
        }
        catch (AttachmentException problem)
        {
            // The host and path only: neither the token nor a query string reaches the logs.
            logger.LogWarning("Slack file {Host}{Path} not read: {Reason}", url.Host, url.AbsolutePath, problem.Message);
            throw;
        }
    }

    private bool IsFileHost(Uri url)
    {
        if (url.Scheme == Uri.UriSchemeHttps && url.Host.Equals(FileHost, StringComparison.OrdinalIgnoreCase) && url.IsDefaultPort) return true;
        var api = new Uri(options.Value.ApiBaseUrl);
        return url.Scheme == api.Scheme && url.Host.Equals(api.Host, StringComparison.OrdinalIgnoreCase) && url.Port == api.Port;
    }
}
