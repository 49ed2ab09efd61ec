using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CmBot.Domain.Cards;

namespace CmBot.Teams.Cards;

/// <summary>
/// The channel-neutral card as an Adaptive Card 1.5 (the highest version Teams renders for bots): title, subtitle,
/// the state line coloured by its tone, the text, facts, sections as containers with their own buttons, then the
/// card's buttons. Cards stay under <see cref="MaxBytes"/>: long texts are trimmed with "…" (a draft's full text
/// stays one click away in its Edit form).
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";
    /// <summary>Sources disagree on Teams' size limit (28 KB to 100 KB); the lowest is the target (teams.md §5.3).</summary>
    public const int MaxBytes = 28 * 1024;

    /// <summary>
    /// How card JSON goes on the wire: accents and emoji as UTF-8, not as \uXXXX escapes that would make a French
    /// draft six times bigger. These bodies go to the connector as JSON, never into HTML.
    /// </summary>
    public static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly (int Text, int Fact)[] Budgets = [(4000, 1000), (1000, 300), (300, 100)];

    public static JsonObject Render(Card card)
    {
        JsonObject rendered = null!;
        foreach (var (text, fact) in Budgets)
        {
            rendered = Build(card, text, fact);
            if (Encoding.UTF8.GetByteCount(rendered.ToJsonString(Wire)) <= MaxBytes) break;
        }
        return rendered;
    }

    private static JsonObject Build(Card card, int textLimit, int factLimit)
    {
        var body = new JsonArray { TextBlock(card.Title, textLimit, heading: true) };
        if (card.Subtitle is { Length: > 0 } subtitle) body.Add(Subtle(TextBlock(subtitle, textLimit)));
        if (card.State is { Length: > 0 } state)
        {
            var line = TextBlock(state, textLimit);
            line["weight"] = "Bolder";
            line["color"] = Colour(card.Tone);
            body.Add(line);
        }
        if (card.Text is { Length: > 0 } text) body.Add(TextBlock(text, textLimit));
        if (card.Facts.Count > 0) body.Add(FactSet(card.Facts, factLimit));
        foreach (var section in card.Sections) if (Section(card, section, textLimit, factLimit) is { } container) body.Add(container);
        foreach (var actions in AdaptiveCardActions.ActionSets(card, card.Actions)) body.Add(actions);
        return new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = Version,
            ["body"] = body,
        };
    }

    private static JsonObject? Section(Card card, CardSection section, int textLimit, int factLimit)
    {
        var items = new JsonArray();
        if (section.Title is { Length: > 0 } title)
        {
            var heading = TextBlock(title, textLimit);
            heading["weight"] = "Bolder";
            items.Add(heading);
        }
        if (section.Text is { Length: > 0 } text) items.Add(TextBlock(text, textLimit));
        if (section.Facts.Count > 0) items.Add(FactSet(section.Facts, factLimit));
        foreach (var actions in AdaptiveCardActions.ActionSets(card, section.Actions)) items.Add(actions);
        return items.Count == 0 ? null : new JsonObject { ["type"] = "Container", ["separator"] = true, ["spacing"] = "Medium", ["items"] = items };
    }

    private static JsonObject TextBlock(string text, int limit, bool heading = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = Paragraphs(Trim(text, limit)), ["wrap"] = true };
        if (heading)
        {
            block["size"] = "Medium";
            block["weight"] = "Bolder";
            block["style"] = "heading";
        }
        return block;
    }

    private static JsonObject Subtle(JsonObject block)
    {
        block["isSubtle"] = true;
        block["spacing"] = "None";
        return block;
    }

    private static JsonObject FactSet(IReadOnlyList<CardFact> facts, int limit) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["title"] = Trim(f.Label, limit), ["value"] = Trim(f.Value, limit) }).ToArray()),
    };

    private static string Colour(CardTone tone) => tone switch
    {
        CardTone.Good => "Good",
        CardTone.Warning => "Warning",
        CardTone.Attention => "Attention",
        _ => "Default",
    };

    private static string Trim(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)].TrimEnd() + "…";

    /// <summary>
    /// The domain writes markdown-ish text: lists, **bold**, `code`. Adaptive Card markdown joins single line
    /// breaks, so lines become paragraphs, except between list items, which stay one list.
    /// </summary>
    public static string Paragraphs(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var result = new StringBuilder(text.Length + lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) result.Append(IsListItem(lines[i - 1]) && IsListItem(lines[i]) ? "\n" : "\n\n");
            result.Append(lines[i]);
        }
        return result.ToString();
    }

    private static bool IsListItem(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal)
            || (trimmed.Length > 2 && char.IsAsciiDigit(trimmed[0]) && trimmed.IndexOf(". ", StringComparison.Ordinal) is > 0 and < 4);
    }
}
