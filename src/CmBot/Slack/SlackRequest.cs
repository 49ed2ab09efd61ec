using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CmBot.Slack;

/// <summary>Reads a Slack request's raw body and checks its signature before anything parses it.</summary>
public sealed class SlackRequest(IOptions<SlackOptions> options, TimeProvider clock)
{
    /// <summary>Bodies larger than this are not Slack's.</summary>
    private const int MaxBody = 1 << 20;

    /// <summary>The raw body, or null when it is over the size limit.</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBody) return null;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.Length > MaxBody ? null : buffer.ToArray();
    }

    public bool IsSigned(HttpRequest request, byte[] body) => SlackSignature.IsValid(
        options.Value.SigningSecret,
        request.Headers["X-Slack-Request-Timestamp"].ToString(),
        request.Headers["X-Slack-Signature"].ToString(),
        body, clock.GetUtcNow(), options.Value.SignatureWindow);

    /// <summary>A form body's fields ('+' as space, percent-decoded); the last value wins when repeated.</summary>
    public static Dictionary<string, string?> Form(byte[] body) =>
        QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body))
            .ToDictionary(p => p.Key, p => (string?)p.Value.LastOrDefault());
}
