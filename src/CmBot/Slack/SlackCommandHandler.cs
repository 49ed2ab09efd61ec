using System.Text.Json.Nodes;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;

namespace CmBot.Slack;

/// <summary>
/// The /cm slash command: its text goes to the conversation layer like a typed message. The answer is staged in
/// the outbox (store only, well within 3 s) and posted in the channel; the invoker gets an ephemeral "on it".
/// </summary>
public sealed class SlackCommandHandler(SlackConversationGateway gateway, SlackResponseUrls responseUrls)
{
    public async Task<JsonObject> HandleAsync(IReadOnlyDictionary<string, string?> fields, CancellationToken cancellationToken)
    {
        string Field(string name) => fields.TryGetValue(name, out var v) && v is { Length: > 0 } ? v : throw new SlackPayloadException($"command without {name}");
        var channel = Field("channel_id");
        var user = Field("user_id");
        var text = fields.TryGetValue("text", out var t) ? t ?? "" : "";
        var trigger = Field("trigger_id");
        SlackIds.Check(("channel_id", channel), ("user_id", user), ("team_id", fields.GetValueOrDefault("team_id")), ("trigger_id", trigger));
        SlackIds.Check(SlackText.MentionedUserIds(text, []).Select(id => ("a user mentioned in text", (string?)id)));
        responseUrls.Remember(channel, fields.GetValueOrDefault("response_url"));

        var input = new ChatInput(new ChatAddress(SlackTokens.Channel, channel), new ChatUser(user, fields.GetValueOrDefault("user_name") ?? user),
            SlackText.Clean(text, []))
        {
            Mentions = SlackText.MentionedUserIds(text, []).Select(id => new ChatUser(id, id)).ToList(),
            DeliveryId = "slack:command:" + trigger,
        };
        var kind = fields.GetValueOrDefault("channel_name") == "directmessage" || channel.StartsWith('D') ? "im" : "channel";
        var replies = await gateway.HandleAsync(input, fields.GetValueOrDefault("team_id"), kind, fields.GetValueOrDefault("channel_name"), cancellationToken);
        return new JsonObject
        {
            ["response_type"] = "ephemeral",
            ["text"] = replies.Count == 0 ? "Already on it." : $"On it: `{SlackText.EscapeAndTrim(SlackText.Trim(text, 100), 300)}`, the answer follows here.",
        };
    }
}
