using System.Collections.Concurrent;

namespace CmBot.Slack;

/// <summary>
/// The latest response_url seen per channel (slash commands and buttons), for 30 minutes: the one way to tell
/// a person something in a channel the bot cannot post in ("invite @CmBot to #channel").
/// </summary>
public sealed class SlackResponseUrls(TimeProvider clock)
{
    private static readonly TimeSpan Life = TimeSpan.FromMinutes(30);
    private readonly ConcurrentDictionary<string, (string Url, DateTimeOffset At)> latest = new();

    public void Remember(string? channel, string? responseUrl)
    {
        if (channel is { Length: > 0 } && responseUrl is { Length: > 0 }) latest[channel] = (responseUrl, clock.GetUtcNow());
    }

    /// <summary>Taken at most once, so a burst of failed posts makes one notice.</summary>
    public string? Take(string channel) =>
        latest.TryRemove(channel, out var entry) && clock.GetUtcNow() - entry.At < Life ? entry.Url : null;
}
