using System.Collections.Concurrent;

namespace CmBot.Slack;

/// <summary>
/// The bot's own user id and bot id per workspace, learned once from auth.test and cached, so the bot never
/// answers itself. Lookups never wait on Slack: an unknown workspace is looked up in the background.
/// </summary>
public sealed class SlackBotIdentity(SlackTokens tokens, SlackWebApi api, SlackWorkQueue work, ILogger<SlackBotIdentity> logger)
{
    public sealed record Identity(string UserId, string? BotId);

    private readonly ConcurrentDictionary<string, Identity> known = new();
    private readonly ConcurrentDictionary<string, bool> asked = new();

    public Identity? Known(string teamId)
    {
        if (known.TryGetValue(teamId, out var identity)) return identity;
        if (asked.TryAdd(teamId, true)) work.Enqueue($"auth.test for {teamId}", (_, ct) => LearnAsync(teamId, ct));
        return null;
    }

    public async Task LearnAsync(string teamId, CancellationToken cancellationToken)
    {
        try
        {
            if (await tokens.ForTeamAsync(teamId, cancellationToken) is not { } token) return;
            var result = await api.AuthTestAsync(token, cancellationToken);
            var userId = result.TryGetProperty("user_id", out var u) ? u.GetString() : null;
            if (userId is null) return;
            known[teamId] = new Identity(userId, result.TryGetProperty("bot_id", out var b) ? b.GetString() : null);
        }
        catch (SlackApiException failure)
        {
            asked.TryRemove(teamId, out _); // Ask again on the next event.
            logger.LogWarning("auth.test failed for workspace {Team}: {Error}", teamId, failure.Error);
        }
    }
}
