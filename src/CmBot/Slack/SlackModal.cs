using System.Text.Json;
using System.Text.Json.Nodes;
using CmBot.Domain.Cards;

namespace CmBot.Slack;

/// <summary>
/// The small form of a card button (Edit, Request changes, Reject, Mark replied) as a Slack modal: one input
/// block per card input, block_id = the input's id, prefilled; and back from view.state.values to plain values.
/// </summary>
public static class SlackModal
{
    public const string ValueActionId = "value";

    public static JsonObject Build(CardAction action, string privateMetadata, string? cardTitle = null)
    {
        var blocks = new JsonArray();
        if (cardTitle is { Length: > 0 }) blocks.Add(BlockKitRenderer.Context(cardTitle));
        foreach (var input in action.Inputs.Take(BlockKitLimits.ViewBlocks - blocks.Count)) blocks.Add(Input(input));
        return new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = SlackModalMetadata.CallbackId,
            ["title"] = BlockKitRenderer.PlainText(SlackText.Trim(action.Label, BlockKitLimits.ModalTitle)),
            ["submit"] = BlockKitRenderer.PlainText(SlackText.Trim(action.SubmitLabel ?? action.Label, BlockKitLimits.ModalButton)),
            ["close"] = BlockKitRenderer.PlainText("Cancel"),
            ["private_metadata"] = privateMetadata,
            ["blocks"] = blocks,
        };
    }

    private static JsonObject Input(CardInput input) => new()
    {
        ["type"] = "input",
        ["block_id"] = SlackText.Trim(input.Id, BlockKitLimits.BlockId),
        ["optional"] = !input.Required,
        ["label"] = BlockKitRenderer.PlainText(SlackText.Trim(input.Label, BlockKitLimits.InputLabel)),
        ["element"] = Element(input),
    };

    private static JsonObject Element(CardInput input)
    {
        var element = new JsonObject { ["action_id"] = ValueActionId };
        switch (input.Kind)
        {
            case CardInputKind.Choice:
                var options = input.Choices.Take(BlockKitLimits.Options).Select(Option).ToList();
                element["type"] = input.MultiSelect ? "multi_static_select" : "static_select";
                element["options"] = new JsonArray([.. options.Select(o => o.DeepClone())]);
                var chosen = (input.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var initial = options.Where(o => chosen.Contains(o["value"]!.GetValue<string>())).ToList();
                if (input.MultiSelect && initial.Count > 0) element["initial_options"] = new JsonArray([.. initial.Select(o => o.DeepClone())]);
                else if (!input.MultiSelect && initial.Count > 0) element["initial_option"] = initial[0].DeepClone();
                break;
            case CardInputKind.Date:
                element["type"] = "datepicker";
                if (input.Value is { Length: > 0 } date) element["initial_date"] = date;
                break;
            case CardInputKind.Time:
                element["type"] = "timepicker";
                if (input.Value is { Length: > 0 } time) element["initial_time"] = time;
                break;
            case CardInputKind.Number:
                element["type"] = "number_input";
                element["is_decimal_allowed"] = false;
                if (input.Value is { Length: > 0 } number) element["initial_value"] = number;
                break;
            default:
                var max = Math.Min(input.MaxLength ?? BlockKitLimits.InputMaxLength, BlockKitLimits.InputMaxLength);
                element["type"] = "plain_text_input";
                element["multiline"] = input.Kind == CardInputKind.MultilineText;
                element["max_length"] = max;
                // A prefill longer than max_length is refused by Slack: better a trimmed draft than no modal.
                if (input.Value is { Length: > 0 } text) element["initial_value"] = SlackText.Trim(text, max);
                break;
        }
        if (input.Placeholder is { Length: > 0 } placeholder && input.Kind is not (CardInputKind.Date or CardInputKind.Time))
            element["placeholder"] = BlockKitRenderer.PlainText(SlackText.Trim(placeholder, BlockKitLimits.Placeholder));
        return element;
    }

    private static JsonObject Option(CardChoice choice) => new()
    {
        ["text"] = BlockKitRenderer.PlainText(SlackText.Trim(choice.Title, BlockKitLimits.OptionText)),
        ["value"] = SlackText.Trim(choice.Value, BlockKitLimits.OptionValue),
    };

    /// <summary>view.state.values (block_id → action_id → state) as input id → text; multi-selects comma-joined.</summary>
    public static Dictionary<string, string> Values(JsonElement view)
    {
        var values = new Dictionary<string, string>();
        if (!view.TryGetProperty("state", out var state) || !state.TryGetProperty("values", out var blocks)) return values;
        foreach (var block in blocks.EnumerateObject())
        {
            foreach (var action in block.Value.EnumerateObject())
            {
                if (Read(action.Value) is { } value) values[block.Name] = value;
            }
        }
        return values;
    }

    private static string? Read(JsonElement state)
    {
        if (state.TryGetProperty("selected_options", out var many) && many.ValueKind == JsonValueKind.Array)
            return string.Join(",", many.EnumerateArray().Select(o => o.GetProperty("value").GetString()));
        if (state.TryGetProperty("selected_option", out var one) && one.ValueKind == JsonValueKind.Object)
            return one.GetProperty("value").GetString();
        foreach (var name in new[] { "value", "selected_date", "selected_time", "selected_user", "selected_channel", "selected_conversation" })
            if (state.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String) return v.GetString();
        return null;
    }

    /// <summary>Inline errors for required inputs left empty, keyed by block_id as Slack wants.</summary>
    public static Dictionary<string, string> MissingRequired(JsonElement view, IReadOnlyDictionary<string, string> values, string message)
    {
        var errors = new Dictionary<string, string>();
        if (!view.TryGetProperty("blocks", out var blocks)) return errors;
        foreach (var block in blocks.EnumerateArray())
        {
            if (block.TryGetProperty("type", out var type) && type.GetString() == "input"
                && !(block.TryGetProperty("optional", out var optional) && optional.ValueKind == JsonValueKind.True)
                && block.TryGetProperty("block_id", out var id) && id.GetString() is { } blockId
                && (!values.TryGetValue(blockId, out var value) || string.IsNullOrWhiteSpace(value)))
                errors[blockId] = message;
        }
        return errors;
    }

    /// <summary>The block a refusal is shown on: the first input of the form.</summary>
    public static string? MainBlockId(JsonElement view) =>
        view.TryGetProperty("blocks", out var blocks)
            ? blocks.EnumerateArray().Where(b => b.TryGetProperty("type", out var t) && t.GetString() == "input")
                .Select(b => b.GetProperty("block_id").GetString()).FirstOrDefault()
            : null;
}
