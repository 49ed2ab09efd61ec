using System.Text.Json.Nodes;
using CmBot.Domain.Delivery;
using CmBot.Teams.Cards;

namespace CmBot.Teams.Connector;

/// <summary>
/// The outgoing message activity for one outbound content: a card as its only attachment, or text with its mention
/// entities — never both, which Teams would split into two messages with no id to update (teams.md §3.2).
/// </summary>
public static class ConnectorActivities
{
    public static JsonObject Message(OutboundContent content, string? id = null)
    {
        var activity = new JsonObject { ["type"] = "message" };
        if (id is not null) activity["id"] = id;
        if (content.Card is { } card)
        {
            activity["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = AdaptiveCardRenderer.ContentType,
                ["content"] = AdaptiveCardRenderer.Render(card),
            });
            return activity;
        }
        var text = content.Text ?? "";
        activity["text"] = text;
        activity["textFormat"] = "markdown";
        var mentions = content.Mentions
            .Select(m => (User: m, Text: $"<at>{m.Name}</at>"))
            .Where(m => text.Contains(m.Text, StringComparison.Ordinal))
            .Select(m => (JsonNode)new JsonObject
            {
                ["type"] = "mention",
                ["text"] = m.Text,
                ["mentioned"] = new JsonObject { ["id"] = m.User.Id, ["name"] = m.User.Name },
            })
            .ToArray();
        if (mentions.Length > 0) activity["entities"] = new JsonArray(mentions);
        return activity;
    }
}
