using System.Text.Json.Nodes;
using CmBot.Domain.Cards;

namespace CmBot.Teams.Cards;

/// <summary>
/// Buttons: Action.Execute (verb + data) with an Action.Submit fallback for clients without Universal Actions;
/// a button with a form becomes an Action.ShowCard holding the inputs and its own submit button, because inputs
/// in a ShowCard are not sent by buttons outside it (teams.md §4.3). Teams shows six buttons per row at most.
/// </summary>
public static class AdaptiveCardActions
{
    private const int PerActionSet = 6;

    /// <summary>ActionSets for the body (old clients honour a fallback only inside an ActionSet).</summary>
    public static IEnumerable<JsonObject> ActionSets(Card card, IReadOnlyList<CardAction> actions) =>
        actions.Chunk(PerActionSet).Select(chunk => ActionSet(chunk.Select(a => Render(card, a))));

    public static JsonObject Render(Card card, CardAction action) =>
        action.Inputs.Count == 0 ? Execute(card, action, action.Label) : ShowCard(card, action);

    private static JsonObject Execute(Card card, CardAction action, string title)
    {
        var execute = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = action.Verb,
            ["data"] = CardData.ForExecute(card, action),
            ["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = CardData.ForSubmit(card, action) },
        };
        // Teams ignores styles, other Adaptive Card hosts colour the button.
        if (action.Style != CardActionStyle.Default) execute["style"] = action.Style == CardActionStyle.Positive ? "positive" : "destructive";
        return execute;
    }

    private static JsonObject ShowCard(Card card, CardAction action)
    {
        var body = new JsonArray();
        // Prefills are never trimmed: saving a trimmed draft text would cut the draft itself.
        foreach (var input in action.Inputs) body.Add(AdaptiveCardInputs.Render(input));
        body.Add(ActionSet([Execute(card, action, action.SubmitLabel ?? action.Label)]));
        return new JsonObject
        {
            ["type"] = "Action.ShowCard",
            ["title"] = action.Label,
            ["card"] = new JsonObject { ["type"] = "AdaptiveCard", ["body"] = body },
        };
    }

    private static JsonObject ActionSet(IEnumerable<JsonObject> actions) =>
        new() { ["type"] = "ActionSet", ["actions"] = new JsonArray(actions.Cast<JsonNode>().ToArray()) };
}
