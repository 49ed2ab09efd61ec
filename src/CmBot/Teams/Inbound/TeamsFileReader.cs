using CmBot.Api;
using CmBot.Domain.Conversations;
using CmBot.Domain.Integrations;

namespace CmBot.Teams.Inbound;

/// <summary>
/// Fetches a file sent in a Teams personal chat from its pre-authenticated downloadUrl: a plain GET, no token of ours.
/// Only over https (plain http from this machine in Development, for local tools and tests); the URL carries its own
/// credential in the query string, so only its host reaches the logs.
/// </summary>
public sealed class TeamsFileReader(IHttpClientFactory clients, IHostEnvironment environment, ILogger<TeamsFileReader> logger) : IAttachmentReader
{
    public const string ClientName = "teams-files";

    public string Channel => TeamsConversations.Channel;

    public async Task<byte[]> ReadAsync(ChatAddress where, ChatAttachment attachment, long maxBytes, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(attachment.Locator, UriKind.Absolute, out var url)
            || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback && environment.IsDevelopment())))
            throw new AttachmentException(AttachmentProblem.NotAllowed, "not an https download address");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        try
        {
            return await LimitedDownload.ReadAsync(clients.CreateClient(ClientName), request, maxBytes, cancellationToken);
        }
        catch (AttachmentException problem)
        {
            logger.LogWarning("Teams file from {Host} not read: {Reason}", url.Host, problem.Message);
            throw;
        }
    }
}
