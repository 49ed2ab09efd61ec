using System.Text.Json;
using System.Text.Json.Nodes;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using static CmBot.Slack.SlackEventHandler;

namespace CmBot.Slack;

/// <summary>
/// Interactivity payloads: a card button becomes a click (or first opens its form as a modal, while the trigger
/// is fresh), a submitted modal becomes the click with the form's values, refusals come back inline.
/// Returns the body of the 200 (null for an empty one).
/// </summary>
public sealed class SlackInteractionHandler(
    SlackConversationGateway gateway,
    SlackModalOpener opener,
    SlackResponseUrls responseUrls,
    ILogger<SlackInteractionHandler> logger)
{
    public const string RequiredMessage = "This field is required.";

    public async Task<JsonObject?> HandleAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        switch (Str(payload, "type"))
        {
            case "block_actions": await BlockActionsAsync(payload, cancellationToken); return null;
            case "view_submission": return await ViewSubmissionAsync(payload, cancellationToken);
            case "view_closed": return null;
            case null: throw new SlackPayloadException("payload without type");
            default: return null; // Shortcuts and the like: not used by CmBot, acknowledged all the same.
        }
    }

    private async Task BlockActionsAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (!payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
            throw new SlackPayloadException("block_actions without actions");
        var action = actions[0];
        var container = payload.TryGetProperty("container", out var c) ? c : default;
        if (Str(container, "type") is not "message")
        {
            logger.LogDebug("Ignored a block action outside a message (App Home or modal)");
            return;
        }
        var channel = Str(container, "channel_id") ?? Str(Obj(payload, "channel"), "id") ?? throw new SlackPayloadException("block_actions without channel");
        var messageTs = Str(container, "message_ts");
        var threadTs = Str(container, "thread_ts") ?? Str(Obj(payload, "message"), "thread_ts");
        var team = Str(Obj(payload, "team"), "id") ?? Str(Obj(payload, "user"), "team_id");
        SlackIds.Check(("channel", channel), ("container.message_ts", messageTs), ("thread_ts", threadTs), ("team.id", team),
            ("user.id", Str(Obj(payload, "user"), "id")), ("trigger_id", Str(payload, "trigger_id")), ("actions[0].action_ts", Str(action, "action_ts")));
        responseUrls.Remember(channel, Str(payload, "response_url"));

        var decoded = SlackActionCodec.Decode(Str(action, "action_id"), Str(action, "value") ?? Str(Obj(action, "selected_option"), "value"));
        if (decoded.OpensForm)
        {
            var place = new SlackModalOpener.Place(channel, messageTs, threadTs, team, Str(payload, "response_url"));
            await opener.OpenAsync(Str(payload, "trigger_id"), decoded, place, cancellationToken);
            return;
        }
        var input = new ChatInput(new ChatAddress(SlackTokens.Channel, channel), Who(payload), Click: decoded.Click)
        {
            ThreadId = threadTs ?? messageTs,
            DeliveryId = "slack:action:" + (Str(payload, "trigger_id") ?? Str(action, "action_ts") ?? throw new SlackPayloadException("block_actions without trigger_id")),
        };
        await gateway.HandleAsync(input, team, KindOf(channel), Str(Obj(payload, "channel"), "name"), cancellationToken);
    }

    private async Task<JsonObject?> ViewSubmissionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var view = Obj(payload, "view");
        if (view.ValueKind != JsonValueKind.Object) throw new SlackPayloadException("view_submission without view");
        if (Str(view, "callback_id") != SlackModalMetadata.CallbackId || SlackModalMetadata.Parse(Str(view, "private_metadata")) is not { } metadata)
        {
            logger.LogInformation("Closed a submitted modal CmBot did not open (callback {Callback})", Str(view, "callback_id"));
            return null;
        }
        SlackIds.Check(("user.id", Str(Obj(payload, "user"), "id")), ("team.id", Str(Obj(payload, "team"), "id")), ("trigger_id", Str(payload, "trigger_id")),
            ("view.id", Str(view, "id")), ("view.hash", Str(view, "hash")), ("view.private_metadata channel", metadata.C),
            ("view.private_metadata ts", metadata.T), ("view.private_metadata thread", metadata.Th), ("view.private_metadata team", metadata.Tm));
        var values = SlackModal.Values(view);
        var missing = SlackModal.MissingRequired(view, values, RequiredMessage);
        if (missing.Count > 0) return Errors(missing);

        var data = new Dictionary<string, string>(metadata.D);
        foreach (var (key, value) in values) data[key] = value;
        var input = new ChatInput(new ChatAddress(SlackTokens.Channel, metadata.C), Who(payload), Click: new CardClick(metadata.V, data))
        {
            ThreadId = metadata.Th ?? metadata.T,
            DeliveryId = "slack:view:" + (Str(payload, "trigger_id") ?? $"{Str(view, "id")}:{Str(view, "hash")}"),
        };
        var replies = await gateway.HandleAsync(input, metadata.Tm ?? Str(Obj(payload, "team"), "id"), KindOf(metadata.C), null, cancellationToken);
        // Only words and no card change: the domain refused the move (a DomainException); show it on the form.
        if (replies.Count > 0 && replies.All(r => r is TextReply) && SlackModal.MainBlockId(view) is { } main)
            return Errors(new() { [main] = SlackText.Trim(string.Join(" ", replies.Cast<TextReply>().Select(r => r.Text)), BlockKitLimits.InputLabel) });
        return null;
    }

    private static JsonObject Errors(Dictionary<string, string> errors) => new()
    {
        ["response_action"] = "errors",
        ["errors"] = new JsonObject([.. errors.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)e.Value))]),
    };

    private static ChatUser Who(JsonElement payload)
    {
        var user = Obj(payload, "user");
        var id = Str(user, "id") ?? throw new SlackPayloadException("payload without user");
        return new ChatUser(id, Str(user, "name") ?? Str(user, "username") ?? id);
    }

    internal static string KindOf(string channel) => channel.StartsWith('D') ? "im" : "channel";

    internal static JsonElement Obj(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;
}
