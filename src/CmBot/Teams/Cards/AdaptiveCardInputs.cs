using System.Globalization;
using System.Text.Json.Nodes;
using CmBot.Domain.Cards;

namespace CmBot.Teams.Cards;

/// <summary>The form fields of a ShowCard: one Adaptive Card input per <see cref="CardInput"/>.</summary>
public static class AdaptiveCardInputs
{
    public static JsonObject Render(CardInput input)
    {
        var element = input.Kind switch
        {
            CardInputKind.Text or CardInputKind.MultilineText => Text(input),
            CardInputKind.Choice => Choice(input),
            CardInputKind.Date => new JsonObject { ["type"] = "Input.Date" },
            CardInputKind.Time => new JsonObject { ["type"] = "Input.Time" },
            _ => new JsonObject { ["type"] = "Input.Number" },
        };
        element["id"] = input.Id;
        element["label"] = input.Label;
        if (input.Required)
        {
            element["isRequired"] = true;
            element["errorMessage"] = input.Label;
        }
        if (input.Kind == CardInputKind.Number)
        {
            // Input.Number takes a number, not a string; an unparsable prefill is left out rather than sent wrong.
            if (double.TryParse(input.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) element["value"] = number;
        }
        else if (!string.IsNullOrEmpty(input.Value))
        {
            element["value"] = input.Value;
        }
        if (input.Placeholder is { Length: > 0 } placeholder && input.Kind is not CardInputKind.Date and not CardInputKind.Time)
            element["placeholder"] = placeholder;
        return element;
    }

    private static JsonObject Text(CardInput input)
    {
        var element = new JsonObject { ["type"] = "Input.Text" };
        if (input.Kind == CardInputKind.MultilineText) element["isMultiline"] = true;
        if (input.MaxLength is { } max) element["maxLength"] = max;
        return element;
    }

    private static JsonObject Choice(CardInput input) => new()
    {
        ["type"] = "Input.ChoiceSet",
        ["style"] = input.MultiSelect ? "expanded" : "compact",
        ["isMultiSelect"] = input.MultiSelect,
        ["choices"] = new JsonArray(input.Choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray()),
    };
}
