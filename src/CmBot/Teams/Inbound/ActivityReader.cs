using System.Text.Json;
using CmBot.Hosting;

namespace CmBot.Teams.Inbound;

/// <summary>
/// Reads one activity from a request body with bounds: at most the configured size, at most 32 levels deep (real
/// activities use about 6), a JSON object with a `type`, ids of a plausible length. A bad body yields a short reason for a 400.
/// </summary>
public static class ActivityReader
{
    private const int MaxDepth = 32;

    /// <summary>The reason given for a body over the size limit: a size refusal, answered 413 rather than 400.</summary>
    public const string TooLarge = "body too large";

    public static async Task<(TeamsActivity? Activity, string? Error)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) return (null, TooLarge);
        if (await BoundedBody.ReadAsync(request.Body, request.ContentLength, maxBytes, cancellationToken) is not { } buffer) return (null, TooLarge);
        if (buffer.Length == 0) return (null, "empty body");
        // JSON is UTF-8 (RFC 8259); the parser checks strings only when they are read, deep inside the handlers.
        if (!System.Text.Unicode.Utf8.IsValid(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))) return (null, "body is not UTF-8");
        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { MaxDepth = MaxDepth });
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, "an activity must be a JSON object");
            var activity = TeamsActivity.Read(document.RootElement);
            if (activity.Type.Length == 0) return (null, "the activity has no type");
            return activity.TooLongId() is { } where ? (null, $"{where} is longer than {TeamsActivity.MaxIdLength} characters") : (activity, null);
        }
        catch (JsonException)
        {
            return (null, "malformed JSON");
        }
    }
}
