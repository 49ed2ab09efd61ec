using System.Globalization;
using System.Text.Json;
using CmBot.Domain.Brands;
using CmBot.Domain.Comments;

namespace CmBot.Webhooks;

/// <summary>
/// Reads what needs a reply in a Meta webhook delivery, following Meta's documented shapes:
/// <list type="bullet">
/// <item>object "page", entry[].changes[] with field "feed" and value.item "comment", value.verb "add"
/// (value.comment_id, value.message, value.from {id, name}, value.created_time in Unix seconds, value.post.permalink_url);</item>
/// <item>object "instagram", field "comments" or "live_comments" (value.id, value.text, value.from {id, username}),
/// in entry[].changes[] or, as Business Login for Instagram sends it, on the entry itself;</item>
/// <item>entry[].messaging[] (Messenger for "page", Instagram Direct for "instagram"): sender.id, recipient.id,
/// timestamp in milliseconds, message {mid, text, is_echo}.</item>
/// </list>
/// What the brand itself wrote (its own replies, echoes of its messages) and every other change are skipped.
/// </summary>
public static class MetaDeliveryReader
{
    public static List<MetaComment> Read(JsonElement root, DateTimeOffset now)
    {
        var found = new List<MetaComment>();
        var instagram = Text(root, "object") == "instagram";
        var network = instagram ? Network.Instagram : Network.Facebook;
        if (!Property(root, "entry", out var entries) || entries.ValueKind != JsonValueKind.Array) return found;
        foreach (var entry in entries.EnumerateArray())
        {
            if (Text(entry, "id") is not { } account) continue;
            var changes = entry.TryGetProperty("changes", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
            if (entry.TryGetProperty("field", out _)) changes.Add(entry);
            foreach (var change in changes)
            {
                if (!Property(change, "value", out var value) || value.ValueKind != JsonValueKind.Object) continue;
                var comment = Text(change, "field") switch
                {
                    "feed" when !instagram => FeedComment(value, account, now),
                    "comments" or "live_comments" when instagram => InstagramComment(value, account, now),
                    _ => null,
                };
                if (comment is not null) found.Add(new(network, account, comment));
            }
            if (entry.TryGetProperty("messaging", out var messaging) && messaging.ValueKind == JsonValueKind.Array)
                foreach (var item in messaging.EnumerateArray())
                    if (Message(item, network, account, now) is { } message) found.Add(new(network, account, message));
        }
        return found;
    }

    private static IncomingComment? FeedComment(JsonElement value, string page, DateTimeOffset now)
    {
        if (Text(value, "item") != "comment" || Text(value, "verb") != "add") return null;
        if (Text(value, "comment_id") is not { } id || Text(value, "message") is not { Length: > 0 } text) return null;
        var from = value.TryGetProperty("from", out var f) ? f : default;
        if (Text(from, "id") == page) return null; // The Page's own reply.
        var permalink = value.TryGetProperty("post", out var post) ? Text(post, "permalink_url") : null;
        var at = Number(value, "created_time") is { } seconds and >= 0 and <= MaxUnixSeconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : now;
        return new IncomingComment(Network.Facebook, Text(from, "name") ?? Text(from, "id") ?? "Facebook user", text, permalink, Clamp(at, now), id);
    }

    private static IncomingComment? InstagramComment(JsonElement value, string account, DateTimeOffset now)
    {
        if (Text(value, "id") is not { } id || Text(value, "text") is not { Length: > 0 } text) return null;
        var from = value.TryGetProperty("from", out var f) ? f : default;
        if (Text(from, "id") == account) return null; // The brand's own reply.
        var author = Text(from, "username") is { } username ? "@" + username : Text(from, "id") ?? "Instagram user";
        return new IncomingComment(Network.Instagram, author, text, null, now, id);
    }

    private static IncomingComment? Message(JsonElement item, Network network, string account, DateTimeOffset now)
    {
        if (!Property(item, "message", out var message) || message.ValueKind != JsonValueKind.Object) return null;
        if (message.TryGetProperty("is_echo", out var echo) && echo.ValueKind == JsonValueKind.True) return null; // Sent by the brand.
        var sender = item.TryGetProperty("sender", out var s) ? Text(s, "id") : null;
        if (Text(message, "mid") is not { } id || sender is null || sender == account) return null;
        var text = Text(message, "text") ?? (message.TryGetProperty("attachments", out _) ? "(attachment)" : null);
        if (text is null) return null;
        var at = Number(item, "timestamp") is { } ms and >= 0 and <= MaxUnixSeconds * 1000 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : now;
        // Messages carry only the sender's page-scoped id; the name would cost a Graph API call.
        return new IncomingComment(network, $"{network} user {sender}", text, null, Clamp(at, now), id, IsPrivate: true);
    }

    /// <summary>The last second DateTimeOffset can hold (9999-12-31): a later time is not a time.</summary>
    private const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>A property of an object; anything else has none (a delivery of the wrong shape is skipped, not thrown on).</summary>
    private static bool Property(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value);
    }

    /// <summary>A clock ahead of ours must not give a comment a deadline beyond the brand's promise.</summary>
    private static DateTimeOffset Clamp(DateTimeOffset at, DateTimeOffset now) => at > now ? now : at;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static long? Number(JsonElement element, string name) =>
        long.TryParse(Text(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
}
