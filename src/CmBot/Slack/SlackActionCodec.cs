using System.Globalization;
using System.Text.Json;
using CmBot.Domain.Conversations;

namespace CmBot.Slack;

/// <summary>
/// How a card button travels through Slack: <c>action_id</c> = "{verb}:{position}" (unique within the message,
/// readable in logs) and <c>value</c> = compact JSON {"v":verb,"d":data,"f":1 when it opens a form}. The value is
/// what is decoded; buttons of other encodings become a click with their action_id as the verb.
/// </summary>
public static class SlackActionCodec
{
    public sealed record Decoded(CardClick Click, bool OpensForm, int Position);

    public static string ActionId(string verb, int position)
    {
        var suffix = ":" + position.ToString(CultureInfo.InvariantCulture);
        return (verb.Length + suffix.Length > BlockKitLimits.ActionId ? verb[..(BlockKitLimits.ActionId - suffix.Length)] : verb) + suffix;
    }

    /// <summary>The button's value, or null when its data cannot fit Slack's 2000 characters (the button is then left out).</summary>
    public static string? Value(string verb, IReadOnlyDictionary<string, string> data, bool opensForm)
    {
        var value = JsonSerializer.Serialize(new Wire(verb, data, opensForm ? 1 : null), SlackJson.Compact);
        return value.Length <= BlockKitLimits.ButtonValue ? value : null;
    }

    public static Decoded Decode(string? actionId, string? value)
    {
        var position = actionId?.LastIndexOf(':') is int colon and >= 0
            && int.TryParse(actionId[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : -1;
        if (value is { Length: > 0 } && value[0] == '{')
        {
            try
            {
                if (JsonSerializer.Deserialize<Wire>(value, SlackJson.Compact) is { V.Length: > 0 } wire)
                    return new Decoded(new CardClick(wire.V, wire.D ?? new Dictionary<string, string>()), wire.F == 1, position);
            }
            catch (JsonException)
            {
                // Not ours: handled below like any foreign button.
            }
        }
        var data = value is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["value"] = value };
        return new Decoded(new CardClick(actionId ?? "", data), false, position);
    }

    private sealed record Wire(string V, IReadOnlyDictionary<string, string>? D, int? F);
}
