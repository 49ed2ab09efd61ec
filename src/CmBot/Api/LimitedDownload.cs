using CmBot.Domain.Conversations;
using System.Net;
using CmBot.Domain.Integrations;

namespace CmBot.Api;

/// <summary>
/// Reads an attached file's response with a ceiling, so a large or endless body costs at most that much memory; the
/// declared length is checked first and the bytes counted as they come, since a server may declare none or lie.
/// </summary>
public static class LimitedDownload
{
    /// <summary>The whole download, body included (the client's own timeout stops at the headers here).</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    public static async Task<byte[]> ReadAsync(HttpClient client, HttpRequestMessage request, long maxBytes, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        try
        {
            return await ReadBodyAsync(client, request, maxBytes, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AttachmentException(AttachmentProblem.Unavailable, "timeout");
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpClient client, HttpRequestMessage request, long maxBytes, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new AttachmentException(AttachmentProblem.Unavailable, "network: " + error.HttpRequestError);
        }
        using (response)
        {
            if (response.StatusCode != HttpStatusCode.OK)
                throw new AttachmentException(AttachmentProblem.Unavailable, $"HTTP {(int)response.StatusCode}");
            // A sign-in page answered instead of the file: a token without the right scope gets one from Slack.
            if (response.Content.Headers.ContentType?.MediaType is "text/html")
                throw new AttachmentException(AttachmentProblem.Unavailable, "an HTML page instead of the file");
            if (response.Content.Headers.ContentLength > maxBytes)
                throw new AttachmentException(AttachmentProblem.TooLarge, $"{response.Content.Headers.ContentLength} bytes declared");
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var kept = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (kept.Length + read > maxBytes) throw new AttachmentException(AttachmentProblem.TooLarge, $"over {maxBytes} bytes");
                kept.Write(buffer, 0, read);
            }
            return kept.ToArray();
        }
    }
}
