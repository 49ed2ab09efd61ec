using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace CmBot.Slack;

/// <summary>
/// Socket Mode, for a CmBot with no public URL: with an app-level token it opens a connection
/// (apps.connections.open, a fresh URL each time), acknowledges every envelope by its id (with the answer for
/// commands and modals), feeds the payloads to the same handlers as HTTP, and reconnects when Slack asks
/// (disconnect) or the socket drops, backing off while it keeps failing.
/// </summary>
public sealed class SlackSocketMode(
    IOptions<SlackOptions> options,
    SlackWebApi api,
    SlackEventHandler events,
    SlackInteractionHandler interactions,
    SlackCommandHandler commands,
    TimeProvider clock,
    ILogger<SlackSocketMode> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.AppToken is not { Length: > 0 } appToken) return;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var outcome = Outcome.Dropped;
            try
            {
                var url = (await api.OpenConnectionAsync(appToken, stoppingToken)).GetProperty("url").GetString()!;
                using var socket = new ClientWebSocket();
                socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(10);
                await socket.ConnectAsync(new Uri(url), stoppingToken);
                outcome = await ListenAsync(socket, () => failures = 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogWarning("Slack Socket Mode connection failed: {Error}", error is SlackApiException api2 ? api2.Error : error.GetType().Name);
            }
            if (outcome == Outcome.Stop) return;
            // Slack recycling the socket is routine: reconnect at once. A drop or a failure waits longer each time.
            if (outcome == Outcome.Refresh) continue;
            await Task.Delay(Backoff(++failures), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private enum Outcome { Refresh, Dropped, Stop }

    private TimeSpan Backoff(int failures)
    {
        var (min, max) = (options.Value.ReconnectMinDelay, options.Value.ReconnectMaxDelay);
        var delay = min * Math.Pow(2, Math.Min(failures - 1, 16));
        return (delay > max ? max : delay) * (0.8 + Random.Shared.NextDouble() * 0.4);
    }

    private async Task<Outcome> ListenAsync(ClientWebSocket socket, Action connected, CancellationToken stoppingToken)
    {
        while (socket.State == WebSocketState.Open && await ReceiveAsync(socket, stoppingToken) is { } frame)
        {
            using var json = JsonDocument.Parse(frame);
            var root = json.RootElement;
            switch (SlackEventHandler.Str(root, "type"))
            {
                case "hello":
                    connected();
                    logger.LogInformation("Slack Socket Mode connected");
                    continue;
                case "disconnect":
                    var reason = SlackEventHandler.Str(root, "reason");
                    logger.LogInformation("Slack asked to reconnect ({Reason})", reason);
                    await CloseQuietlyAsync(socket);
                    // Over the per-app socket cap, reconnecting at once would only make it worse: back off instead.
                    return reason switch { "link_disabled" => Outcome.Stop, "too_many_websockets" => Outcome.Dropped, _ => Outcome.Refresh };
            }
            if (SlackEventHandler.Str(root, "envelope_id") is not { } envelopeId) continue;
            var answer = await HandleAsync(root, stoppingToken);
            var ack = new JsonObject { ["envelope_id"] = envelopeId };
            if (answer is not null) ack["payload"] = answer;
            await socket.SendAsync(Encoding.UTF8.GetBytes(ack.ToJsonString()), WebSocketMessageType.Text, true, stoppingToken);
        }
        return Outcome.Dropped;
    }

    /// <summary>One envelope through the HTTP handlers; a payload that fails is still acknowledged, so Slack does not resend it forever.</summary>
    private async Task<JsonObject?> HandleAsync(JsonElement envelope, CancellationToken cancellationToken)
    {
        if (!envelope.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object) return null;
        try
        {
            switch (SlackEventHandler.Str(envelope, "type"))
            {
                case "events_api":
                    await events.HandleAsync(payload, cancellationToken);
                    return null;
                case "interactive":
                    return await interactions.HandleAsync(payload, cancellationToken);
                case "slash_commands":
                    var fields = payload.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ToString());
                    return await commands.HandleAsync(fields, cancellationToken);
                default:
                    return null;
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning("A Slack Socket Mode envelope could not be handled: {Error}", error is SlackPayloadException ? error.Message : error.GetType().Name);
            return null;
        }
    }

    private static async Task<byte[]?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) return message.ToArray();
        }
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token);
        }
        catch (Exception)
        {
            // The old socket is being replaced; how it ends does not matter.
        }
    }
}
