using System.Text.Json.Nodes;
using CmBot.Domain.Conversations;
using CmBot.Teams.Cards;

namespace CmBot.Teams.Inbound;

/// <summary>
/// The HTTP answer to an `adaptiveCard/action` invoke (teams.md §4.4): the clicked card's new state replaces it for
/// the clicker at once (the outbox updates every posted copy for everyone); otherwise the texts show under the card,
/// which stays as it was (a refusal, "already approved by …").
/// </summary>
public static class InvokeResponses
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";

    public static JsonObject For(IReadOnlyList<BotReply> replies, string? clickedCardKey)
    {
        var updates = replies.OfType<CardUpdate>().ToList();
        var update = updates.LastOrDefault(u => u.Card.Key == clickedCardKey) ?? (clickedCardKey is null ? updates.LastOrDefault() : null);
        if (update is not null)
            return new JsonObject { ["statusCode"] = 200, ["type"] = CardType, ["value"] = AdaptiveCardRenderer.Render(update.Card) };
        var texts = replies.OfType<TextReply>().Select(t => t.Text).ToList();
        // An empty answer makes Teams show an error on the card; a new card posted below deserves a word.
        var message = texts.Count > 0 ? string.Join("\n\n", texts) : replies.Count > 0 ? "✓" : "Already done.";
        return new JsonObject { ["statusCode"] = 200, ["type"] = MessageType, ["value"] = message };
    }
}
