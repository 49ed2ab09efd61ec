using System.Text.Json;
using System.Text.Json.Nodes;
using CmBot.Tests.Slack;
using CmBot.Tests.Teams;

namespace CmBot.Tests.Reliability;

/// <summary>The fake Bot Connector and the fake Slack Web API of the kill test, read together.</summary>
public sealed class BurstPeers(FakeConnector connector, FakeSlackApi slack)
{
    public List<PeerDelivery> Read() => PeerDelivery.Read(connector, slack);

    /// <summary>The cards posted so far, by copy (channel, conversation, card), whatever their state.</summary>
    public HashSet<(string Channel, string Conversation, string Subject)> Posted() =>
        [.. Read().Where(d => d.Kind == "post").Select(d => (d.Channel, d.Conversation, d.Subject))];

    /// <summary>The activity the connector received for draft <paramref name="draftId"/>'s card in that conversation.</summary>
    public JsonNode TeamsCard(string conversation, int draftId) => connector.Calls
        .Where(c => c.Method == "POST" && Uri.UnescapeDataString(c.RawTarget).Contains(conversation, StringComparison.Ordinal))
        .Select(c => JsonNode.Parse(c.Body)!)
        .First(activity => activity.ToJsonString().Contains($"\"Draft {draftId}\"", StringComparison.Ordinal));

    /// <summary>The chat.postMessage Slack received for draft <paramref name="draftId"/>'s card in that channel.</summary>
    public JsonElement SlackCard(string channel, int draftId) => slack.CallsTo("chat.postMessage")
        .Select(c => c.Json)
        .First(post => post.GetProperty("channel").GetString() == channel
            && post.GetProperty("text").GetString()!.StartsWith($"Draft {draftId} ·", StringComparison.Ordinal));

    /// <summary>What the peers had once their calls stopped coming (a request already on the wire at the kill is still recorded).</summary>
    public async Task<List<PeerDelivery>> SettledAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var (seen, stillSince) = (-1, DateTime.UtcNow);
        while (DateTime.UtcNow < deadline)
        {
            if (CallCount() != seen) (seen, stillSince) = (CallCount(), DateTime.UtcNow);
            else if (DateTime.UtcNow - stillSince > TimeSpan.FromMilliseconds(500)) break;
            await Task.Delay(50);
        }
        return Read();
    }

    /// <summary>Waits until every one of <paramref name="required"/> arrived and nothing more came for two seconds (a late double would), within a bound.</summary>
    public async Task<List<PeerDelivery>> QuietAsync(HashSet<PeerDelivery> required, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var (seen, quietSince) = (-1, DateTime.UtcNow);
        while (DateTime.UtcNow < deadline)
        {
            if (CallCount() != seen) (seen, quietSince) = (CallCount(), DateTime.UtcNow);
            else if (DateTime.UtcNow - quietSince > TimeSpan.FromSeconds(2) && required.IsSubsetOf(Read())) break;
            await Task.Delay(100);
        }
        return Read();
    }

    /// <summary>Every call recorded, of any kind: it stops growing when the peers are left alone.</summary>
    private int CallCount() => connector.Calls.Count + slack.Calls.Count;
}
