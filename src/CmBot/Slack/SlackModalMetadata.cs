using System.Text.Json;

namespace CmBot.Slack;

/// <summary>
/// What a modal remembers between opening and submit, in its private_metadata (≤ 3000 characters): the verb and
/// data of the button, and where the card was (channel, message, thread, workspace).
/// </summary>
public sealed record SlackModalMetadata(string V, IReadOnlyDictionary<string, string> D, string C, string? T, string? Th, string? Tm)
{
    public const string CallbackId = "cm.form";

    /// <summary>Null when it would not fit Slack's limit (the data of a card button is small; this guards the rule).</summary>
    public string? Serialize()
    {
        var json = JsonSerializer.Serialize(this, SlackJson.Compact);
        return json.Length <= BlockKitLimits.PrivateMetadata ? json : null;
    }

    public static SlackModalMetadata? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<SlackModalMetadata>(json, SlackJson.Compact) is { V.Length: > 0, C.Length: > 0 } metadata ? metadata : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
