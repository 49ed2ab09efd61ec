using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CmBot.Tests.Slack;

/// <summary>Socket Mode against a local websocket server playing Slack: hello, envelopes, a disconnect, a dropped socket.</summary>
public sealed class SlackSocketModeTests
{
    private const string AppToken = "xapp-1-A07DRAFTBOT-socketsecret";

    [Fact]
    public async Task SocketMode_AcksEveryEnvelope_FeedsTheHandlers_AndReconnects()
    {
        var acks = new ConcurrentDictionary<string, JsonElement>();
        await using var host = await SlackHost.StartAsync(
            new() { ["Slack:AppToken"] = AppToken, ["Slack:ReconnectMinDelay"] = "00:00:00.050", ["Slack:ReconnectMaxDelay"] = "00:00:00.200" },
            api => api.Socket = (socket, connection) => Script(socket, connection, acks));

        await WaitAsync(() => acks.ContainsKey("env-1") && acks.ContainsKey("env-2") && host.Api.SocketConnections >= 3);

        // The event reached the conversation layer: its answer was posted through the Web API.
        var post = Assert.Single(await host.Api.WaitForAsync("chat.postMessage", where: c => c.Json.GetProperty("channel").GetString() == "C0SOCKET001"));
        Assert.Equal("header", post.Json.GetProperty("blocks")[0].GetProperty("type").GetString());
        // The slash command's ack carries the answer for the invoker.
        Assert.Equal("ephemeral", acks["env-2"].GetProperty("payload").GetProperty("response_type").GetString());
        Assert.False(acks["env-1"].TryGetProperty("payload", out _));
        // A fresh URL for every connection, asked with the app token in the header.
        var opens = host.Api.CallsTo("apps.connections.open");
        Assert.True(opens.Count >= 3);
        Assert.All(opens, o => Assert.Equal("Bearer " + AppToken, o.Authorization));
        Assert.DoesNotContain("socketsecret", host.Logs.All);
    }

    /// <summary>1st socket: hello, an event, then Slack's disconnect. 2nd: hello, a slash command, then dropped. 3rd: hello, held open.</summary>
    private static async Task Script(WebSocket socket, int connection, ConcurrentDictionary<string, JsonElement> acks)
    {
        await FakeSlackApi.SendAsync(socket, new JsonObject { ["type"] = "hello", ["num_connections"] = 1 });
        switch (connection)
        {
            case 1:
                var mention = SlackHost.Mention("help", "Ev0SOCKET01", channel: "C0SOCKET001");
                await FakeSlackApi.SendAsync(socket, Envelope("env-1", "events_api", mention));
                await AckAsync(socket, acks);
                await FakeSlackApi.SendAsync(socket, new JsonObject { ["type"] = "disconnect", ["reason"] = "refresh_requested" });
                await FakeSlackApi.ReceiveAsync(socket, TimeSpan.FromSeconds(10)); // the client closes
                break;
            case 2:
                var command = new JsonObject
                {
                    ["command"] = "/cm", ["text"] = "help", ["user_id"] = "U03PRIYA9RM", ["user_name"] = "priya.raman",
                    ["channel_id"] = "C0SOCKET002", ["team_id"] = "T04CMTY7Q2N", ["trigger_id"] = "1.2.socket",
                };
                await FakeSlackApi.SendAsync(socket, Envelope("env-2", "slash_commands", command));
                await AckAsync(socket, acks);
                socket.Abort(); // dropped without a goodbye
                break;
            default:
                try { await FakeSlackApi.ReceiveAsync(socket, TimeSpan.FromSeconds(30)); }
                catch (Exception) { } // held until the test ends
                break;
        }
    }

    private static JsonObject Envelope(string id, string type, JsonObject payload) => new()
    {
        ["envelope_id"] = id, ["type"] = type, ["payload"] = payload, ["accepts_response_payload"] = type != "events_api", ["retry_attempt"] = 0,
    };

    private static async Task AckAsync(WebSocket socket, ConcurrentDictionary<string, JsonElement> acks)
    {
        var ack = await FakeSlackApi.ReceiveAsync(socket, TimeSpan.FromSeconds(10)) ?? throw new InvalidOperationException("closed before acking");
        acks[ack.GetProperty("envelope_id").GetString()!] = ack;
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition(), "Socket Mode did not go through its script in time");
    }
}
