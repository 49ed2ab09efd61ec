using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CmBot.Tests.Slack;
using CmBot.Tests.Teams;

namespace CmBot.Tests.Reliability;

/// <summary>
/// One message a fake peer received, as <see cref="KillDuringApprovalsTests"/> counts it: a draft or comment card
/// posted or replaced, or a comment's deadline text. Read from the wire (the connector's activities, Slack's chat.*
/// calls), so it is what people would see, not what the store believes it sent. Anything else is left out.
/// </summary>
/// <param name="Kind">"post" or "update".</param>
/// <param name="Subject">"draft-12", "comment-Reader07", "closing-Reader07" (the ⏰ text) or "overdue-Reader07" (the 🔴 text).</param>
/// <param name="State">A card's state: "pending", "approved", "due", "overdue" (or "other"); empty for a text.</param>
public sealed partial record PeerDelivery(string Channel, string Conversation, string Kind, string Subject, string State)
{
    /// <summary>Everything both peers received so far, each in the order it arrived there.</summary>
    public static List<PeerDelivery> Read(FakeConnector connector, FakeSlackApi slack) => [.. Teams(connector), .. Slack(slack)];

    private static IEnumerable<PeerDelivery> Teams(FakeConnector connector)
    {
        foreach (var call in connector.Calls.Where(c => c.Method is "POST" or "PUT"))
        {
            var target = Uri.UnescapeDataString(call.RawTarget);
            if (!target.Contains("/v3/conversations/", StringComparison.Ordinal)) continue;
            var conversation = target.Split("/conversations/")[1].Split('/')[0];
            using var body = JsonDocument.Parse(call.Body);
            if (Classify(Shown(body.RootElement)) is { } what)
                yield return new PeerDelivery("teams", conversation, call.Method == "POST" ? "post" : "update", what.Subject, what.State);
        }
    }

    private static IEnumerable<PeerDelivery> Slack(FakeSlackApi slack)
    {
        foreach (var call in slack.Calls.Where(c => c.Method is "chat.postMessage" or "chat.update"))
        {
            var json = call.Json;
            if (Classify(Shown(json)) is { } what)
                yield return new PeerDelivery("slack", json.GetProperty("channel").GetString()!, call.Method == "chat.postMessage" ? "post" : "update", what.Subject, what.State);
        }
    }

    private static (string Subject, string State)? Classify(string shown)
    {
        if (Reader().Match(shown) is { Success: true } reader)
        {
            if (shown.Contains("left to reply to", StringComparison.Ordinal)) return ("closing-" + reader.Value, "");
            if (shown.Contains("is overdue (comment", StringComparison.Ordinal)) return ("overdue-" + reader.Value, "");
            return ("comment-" + reader.Value, shown.Contains("Overdue by", StringComparison.Ordinal) ? "overdue"
                : shown.Contains("Reply due", StringComparison.Ordinal) ? "due" : "other");
        }
        if (DraftTitle().Match(shown) is { Success: true } draft)
            return ("draft-" + draft.Groups[1].Value, shown.Contains("Approved by", StringComparison.Ordinal) ? "approved"
                : shown.Contains("Waiting for approval", StringComparison.Ordinal) ? "pending" : "other");
        return null;
    }

    /// <summary>Every string of the message (text, card blocks, fallback), unescaped, one a line.</summary>
    private static string Shown(JsonElement element)
    {
        var shown = new StringBuilder();
        Collect(element, shown);
        return shown.ToString();
    }

    private static void Collect(JsonElement element, StringBuilder shown)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String: shown.AppendLine(element.GetString()); break;
            case JsonValueKind.Object: foreach (var property in element.EnumerateObject()) Collect(property.Value, shown); break;
            case JsonValueKind.Array: foreach (var item in element.EnumerateArray()) Collect(item, shown); break;
        }
    }

    [GeneratedRegex(@"\bReader\d{2}\b")]
    private static partial Regex Reader();

    [GeneratedRegex(@"\bDraft (\d+)\b")]
    private static partial Regex DraftTitle();
}
