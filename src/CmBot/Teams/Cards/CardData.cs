using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CmBot.Domain.Cards;
using CmBot.Domain.Conversations;

namespace CmBot.Teams.Cards;

/// <summary>
/// The data a CmBot button carries, both ways. Action.Execute sends <c>{cmbot: cardKey, …data}</c> with the verb
/// beside it; its Action.Submit fallback cannot carry a verb, so the same data goes with <c>verb</c> inside.
/// The marker names the clicked card, so an invoke can answer with that card's new state.
/// </summary>
public static class CardData
{
    public const string Marker = "cmbot";
    public const string VerbKey = "verb";

    public static JsonObject ForExecute(Card card, CardAction action)
    {
        var data = new JsonObject();
        foreach (var (key, value) in action.Data) data[key] = value;
        data[Marker] = card.Key;
        return data;
    }

    public static JsonObject ForSubmit(Card card, CardAction action)
    {
        var data = ForExecute(card, action);
        data[VerbKey] = action.Verb;
        return data;
    }

    /// <summary>A click from its verb and data (inputs merged in); the markers are ours, not the domain's.</summary>
    public static (CardClick Click, string? CardKey) Read(string verb, JsonElement data)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? cardKey = null;
        if (data.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in data.EnumerateObject())
            {
                if (property.Name == Marker) cardKey = AsString(property.Value);
                else if (property.Name != VerbKey && AsString(property.Value) is { } value) values[property.Name] = value;
            }
        }
        return (new CardClick(verb, values), cardKey);
    }

    /// <summary>Input values arrive as strings (teams.md §4.1); numbers and booleans are accepted as their text.</summary>
    private static string? AsString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => bool.TrueString.ToLower(CultureInfo.InvariantCulture),
        JsonValueKind.False => bool.FalseString.ToLower(CultureInfo.InvariantCulture),
        _ => null,
    };
}
