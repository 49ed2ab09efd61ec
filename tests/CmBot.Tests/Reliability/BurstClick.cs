using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CmBot.Domain.Drafts;
using CmBot.Slack;
using CmBot.Tests.Slack;
using CmBot.Tests.Support;
using CmBot.Tests.Teams;

namespace CmBot.Tests.Reliability;

/// <summary>
/// An Approve click on one posted copy of a draft card, as its platform sends it: a Teams `adaptiveCard/action` invoke
/// or a signed Slack `block_actions` payload, built from the button the card carried. Sent again unchanged (same
/// activity id, same trigger_id, a fresh signature) when it got no 200.
/// </summary>
public sealed class BurstClick
{
    private readonly Func<Uri, HttpRequestMessage> request;

    private BurstClick(int draftId, string channel, Func<Uri, HttpRequestMessage> request) => (DraftId, Channel, this.request) = (draftId, channel, request);

    public int DraftId { get; }
    public string Channel { get; }

    /// <summary>True only for a 200: anything else, or no answer, is what the platform (or the person) would send again.</summary>
    public async Task<bool> SendAsync(HttpClient http, HostProcess host)
    {
        try
        {
            using var message = request(host.BaseAddress);
            using var response = await http.SendAsync(message);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException) { return false; }
        catch (TaskCanceledException) { return false; }
    }

    /// <param name="postedCard">The activity the connector received for the card's copy in that channel.</param>
    public static BurstClick Teams(string serviceUrl, string conversation, string messageId, int draftId, JsonNode postedCard)
    {
        var data = ExecuteData(postedCard, DraftVerbs.Approve) ?? throw new InvalidOperationException($"draft {draftId}'s Teams card has no Approve button");
        var activity = InChannel(TeamsActivities.Execute(serviceUrl, conversation, messageId, DraftVerbs.Approve, data.DeepClone()), conversation);
        var body = activity.ToJsonString();
        return new BurstClick(draftId, "teams", root => new HttpRequestMessage(HttpMethod.Post, new Uri(root, "/api/messages"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        });
    }

    /// <param name="postedCard">The chat.postMessage Slack received for the card's copy in that channel.</param>
    public static BurstClick Slack(string responseUrl, string channel, string messageTs, int draftId, JsonElement postedCard)
    {
        var button = Buttons(postedCard).FirstOrDefault(b =>
            SlackActionCodec.Decode(b.GetProperty("action_id").GetString(), b.GetProperty("value").GetString()).Click.Verb == DraftVerbs.Approve);
        if (button.ValueKind != JsonValueKind.Object) throw new InvalidOperationException($"draft {draftId}'s Slack card has no Approve button");
        var payload = Samples.Json("slack-block-actions.json");
        payload["trigger_id"] = $"7102938475610.4417263544.kill{draftId:D4}";
        payload["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false };
        payload["channel"] = new JsonObject { ["id"] = channel, ["name"] = "community-" + channel.ToLowerInvariant() };
        payload["response_url"] = responseUrl;
        payload["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button", ["action_id"] = button.GetProperty("action_id").GetString(), ["block_id"] = "actions",
            ["value"] = button.GetProperty("value").GetString(), ["action_ts"] = "1778491502.118274",
        });
        var body = "payload=" + Uri.EscapeDataString(payload.ToJsonString());
        return new BurstClick(draftId, "slack", root =>
        {
            // Signed when sent, as each delivery is: a retry carries its own timestamp.
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var message = new HttpRequestMessage(HttpMethod.Post, new Uri(root, "/slack/interactivity")) { Content = new StringContent(body, Encoding.UTF8) };
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            message.Headers.Add("X-Slack-Request-Timestamp", timestamp);
            message.Headers.Add("X-Slack-Signature", SlackSignature.Compute(SlackHost.Secret, timestamp, Encoding.UTF8.GetBytes(body)));
            return message;
        });
    }

    /// <summary>A root message of a Teams channel (the seeded brands are linked to channels, not personal chats).</summary>
    public static JsonObject InChannel(JsonObject activity, string conversation)
    {
        activity["conversation"]!["conversationType"] = "channel";
        activity["channelData"]!["team"] = new JsonObject { ["id"] = conversation };
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = conversation };
        return activity;
    }

    private static JsonNode? ExecuteData(JsonNode? node, string verb) => node switch
    {
        JsonObject o when o["type"] is JsonValue t && t.ToString() == "Action.Execute" && o["verb"]?.ToString() == verb => o["data"],
        JsonObject o => o.Select(p => ExecuteData(p.Value, verb)).FirstOrDefault(d => d is not null),
        JsonArray a => a.Select(i => ExecuteData(i, verb)).FirstOrDefault(d => d is not null),
        _ => null,
    };

    private static IEnumerable<JsonElement> Buttons(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object when element.TryGetProperty("action_id", out _) && element.TryGetProperty("value", out _) => [element],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Buttons(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Buttons),
        _ => [],
    };
}
