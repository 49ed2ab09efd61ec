using System.Text.Json.Nodes;
using CmBot.Domain.Cards;

namespace CmBot.Slack;

/// <summary>
/// A card as Block Kit: header, the text as escaped mrkdwn, facts as fields, sections, the state line as
/// context, buttons as actions. Every Slack limit is kept by trimming with "…", never by failing.
/// </summary>
public static class BlockKitRenderer
{
    /// <summary>The notification / accessibility text that goes with the blocks.</summary>
    public static string FallbackText(Card card) =>
        SlackText.EscapeAndTrim(card.State is { Length: > 0 } state ? $"{card.Title} · {state}" : card.Title, BlockKitLimits.MessageText);

    public static JsonArray Render(Card card, bool withActions = true, int maxBlocks = BlockKitLimits.MessageBlocks)
    {
        var head = new List<JsonObject> { Header(card.Title) };
        if (card.Subtitle is { Length: > 0 } subtitle) head.Add(Context(subtitle));
        if (card.Text is { Length: > 0 } text) head.Add(Section(text));
        head.AddRange(Fields(card.Facts));

        var middle = new List<JsonObject>();
        foreach (var section in card.Sections)
        {
            middle.Add(new JsonObject { ["type"] = "divider" });
            var body = string.Join("\n", new[] { section.Title is { Length: > 0 } t ? $"*{SlackText.Escape(t)}*" : null, section.Text is { Length: > 0 } x ? SlackText.Escape(x) : null }
                .Where(s => s is not null));
            if (body.Length > 0) middle.Add(MrkdwnSection(body));
            middle.AddRange(Fields(section.Facts));
            if (withActions) middle.AddRange(Actions(section.Actions, card.AllActions.ToList()));
        }

        var tail = new List<JsonObject>();
        if (card.State is { Length: > 0 } stateLine) tail.Add(Context(Tone(card.Tone) + stateLine));
        if (withActions) tail.AddRange(Actions(card.Actions, card.AllActions.ToList()));

        return new JsonArray([.. Fit(head, middle, tail, maxBlocks)]);
    }

    /// <summary>Too many blocks: the sections give way first (header and buttons matter most), and "…" says something is missing.</summary>
    private static IEnumerable<JsonObject> Fit(List<JsonObject> head, List<JsonObject> middle, List<JsonObject> tail, int max)
    {
        var total = head.Count + middle.Count + tail.Count;
        if (total <= max) return head.Concat(middle).Concat(tail);
        var more = Context(SlackText.Ellipsis);
        var room = max - head.Count - tail.Count - 1;
        if (room >= 0) return head.Concat(middle.Take(room)).Append(more).Concat(tail);
        return head.Concat(middle).Concat(tail).Take(max - 1).Append(more);
    }

    public static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = PlainText(SlackText.Trim(text, BlockKitLimits.HeaderText)),
    };

    public static JsonObject Section(string text) => MrkdwnSection(SlackText.EscapeAndTrim(text, BlockKitLimits.SectionText));

    public static JsonObject Context(string text) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(Mrkdwn(SlackText.EscapeAndTrim(text, BlockKitLimits.SectionText))),
    };

    private static JsonObject MrkdwnSection(string escaped) => new()
    {
        ["type"] = "section",
        ["text"] = Mrkdwn(SlackText.Trim(escaped, BlockKitLimits.SectionText)),
    };

    /// <summary>Ten fields per section at most; more facts take more sections.</summary>
    private static IEnumerable<JsonObject> Fields(IReadOnlyList<CardFact> facts) =>
        facts.Chunk(BlockKitLimits.Fields).Select(chunk => new JsonObject
        {
            ["type"] = "section",
            ["fields"] = new JsonArray([.. chunk.Select(Field)]),
        });

    private static JsonObject Field(CardFact fact)
    {
        var label = $"*{SlackText.EscapeAndTrim(fact.Label, 200)}*\n";
        return Mrkdwn(label + SlackText.EscapeAndTrim(fact.Value, BlockKitLimits.FieldText - label.Length));
    }

    private static IEnumerable<JsonObject> Actions(IReadOnlyList<CardAction> actions, List<CardAction> all)
    {
        var buttons = actions.Select(a => Button(a, all.IndexOf(a))).OfType<JsonObject>().ToList();
        return buttons.Chunk(BlockKitLimits.ActionsElements).Select(chunk => new JsonObject
        {
            ["type"] = "actions",
            ["elements"] = new JsonArray([.. chunk]),
        });
    }

    private static JsonObject? Button(CardAction action, int position)
    {
        if (SlackActionCodec.Value(action.Verb, action.Data, action.Inputs.Count > 0) is not { } value) return null;
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = PlainText(SlackText.Trim(action.Label, BlockKitLimits.ButtonText)),
            ["action_id"] = SlackActionCodec.ActionId(action.Verb, position),
            ["value"] = value,
        };
        if (action.Style != CardActionStyle.Default) button["style"] = action.Style == CardActionStyle.Positive ? "primary" : "danger";
        return button;
    }

    private static string Tone(CardTone tone) => tone switch
    {
        CardTone.Good => "✅ ",
        CardTone.Warning => "⚠️ ",
        CardTone.Attention => "🔴 ",
        _ => "",
    };

    public static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    public static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
}
