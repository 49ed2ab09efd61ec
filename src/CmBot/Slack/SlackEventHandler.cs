using System.Text.Json;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;

namespace CmBot.Slack;

/// <summary>
/// Events API bodies (over HTTP or Socket Mode): the url_verification handshake, mentions and direct messages to
/// the conversation layer (never our own, other bots', edits or other subtypes; file_share only with a CSV), the App
/// Home, uninstalls.
/// Each event_id is processed once, also when Slack retries it after a restart: the store remembers it.
/// </summary>
public sealed class SlackEventHandler(
    SlackConversationGateway gateway,
    SlackBotIdentity identity,
    SlackTokens tokens,
    SlackWorkQueue work,
    ILogger<SlackEventHandler> logger)
{
    /// <summary>The challenge for url_verification, else null (the ack is an empty 200).</summary>
    public async Task<string?> HandleAsync(JsonElement body, CancellationToken cancellationToken)
    {
        switch (Str(body, "type"))
        {
            case "url_verification":
                return Str(body, "challenge") ?? throw new SlackPayloadException("url_verification without a challenge");
            case "app_rate_limited":
                logger.LogWarning("Slack rate-limited event deliveries for workspace {Team} (over 30,000 events per hour)", Str(body, "team_id"));
                return null;
            case "event_callback":
                await EventAsync(body, cancellationToken);
                return null;
            case null:
                throw new SlackPayloadException("body without type");
            default:
                // A type Slack added since: acknowledged, so it never counts as a failed delivery.
                logger.LogDebug("Ignored a Slack body of type {Type}", Str(body, "type"));
                return null;
        }
    }

    private async Task EventAsync(JsonElement body, CancellationToken cancellationToken)
    {
        if (!body.TryGetProperty("event", out var inner) || inner.ValueKind != JsonValueKind.Object || Str(body, "event_id") is not { } eventId)
            throw new SlackPayloadException("event_callback without event or event_id");
        var teamId = Str(body, "team_id");
        SlackIds.Check(("event_id", eventId), ("team_id", teamId), ("event.user", Str(inner, "user")), ("event.channel", Str(inner, "channel")),
            ("event.ts", Str(inner, "ts")), ("event.thread_ts", Str(inner, "thread_ts")));
        switch (Str(inner, "type"))
        {
            case "app_mention":
                await MessageAsync(body, inner, eventId, teamId, inThread: true, cancellationToken);
                break;
            case "message" when Str(inner, "channel_type") == "im":
                await MessageAsync(body, inner, eventId, teamId, inThread: false, cancellationToken);
                break;
            case "app_home_opened" when Str(inner, "tab") is null or "home" && Str(inner, "user") is { } user && teamId is not null:
                work.Enqueue("App Home", (services, ct) => services.GetRequiredService<SlackAppHome>().PublishAsync(teamId, user, ct));
                break;
            case "app_uninstalled" or "tokens_revoked" when teamId is not null:
                logger.LogInformation("Slack workspace {Team} uninstalled the app or revoked its tokens; forgetting them", teamId);
                await tokens.RemoveInstallationAsync(teamId, cancellationToken);
                break;
        }
    }

    private async Task MessageAsync(JsonElement body, JsonElement message, string eventId, string? teamId, bool inThread, CancellationToken cancellationToken)
    {
        var botUsers = BotUserIds(body, teamId);
        var files = SlackFiles.Csv(message);
        // Hygiene: only what a person typed fresh, or a CSV they shared (file_share); edits, joins, bot posts (ours
        // included), hidden messages and other files are not for us.
        var subtype = Str(message, "subtype");
        if ((subtype is not null && !(subtype == "file_share" && files.Count > 0))
            || (message.TryGetProperty("hidden", out var hidden) && hidden.ValueKind == JsonValueKind.True) || Str(message, "bot_id") is not null) return;
        if (Str(message, "user") is not { } user || botUsers.Contains(user)) return;
        if (Str(message, "channel") is not { } channel) throw new SlackPayloadException("message without channel");

        var raw = Str(message, "text");
        SlackIds.Check(SlackText.MentionedUserIds(raw, botUsers).Select(id => ("a user mentioned in event.text", (string?)id)));
        var input = new ChatInput(new ChatAddress(SlackTokens.Channel, channel), new ChatUser(user, user), SlackText.Clean(raw, botUsers))
        {
            Mentions = SlackText.MentionedUserIds(raw, botUsers).Select(id => new ChatUser(id, id)).ToList(),
            ThreadId = inThread ? Str(message, "thread_ts") ?? Str(message, "ts") : Str(message, "thread_ts"),
            DeliveryId = "slack:" + eventId,
            Attachments = files,
        };
        await gateway.AcceptAsync(input, teamId, inThread ? "channel" : "im", null, cancellationToken);
    }

    /// <summary>The bot's user id: in the event's authorizations, else what auth.test told (learned in the background).</summary>
    private HashSet<string> BotUserIds(JsonElement body, string? teamId)
    {
        var ids = new HashSet<string>();
        if (body.TryGetProperty("authorizations", out var authorizations) && authorizations.ValueKind == JsonValueKind.Array)
            foreach (var a in authorizations.EnumerateArray())
                if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("is_bot", out var isBot) && isBot.ValueKind == JsonValueKind.True && Str(a, "user_id") is { } id) ids.Add(id);
        if (teamId is not null && identity.Known(teamId) is { } known) ids.Add(known.UserId);
        return ids;
    }

    internal static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
