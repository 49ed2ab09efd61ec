using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;

namespace CmBot.Bench;

/// <summary>An endpoint under load, how many conversations its requests go round, and how to make its i-th request.</summary>
public sealed record Target(string Name, int Spread, Func<int, HttpRequestMessage> Request)
{
    /// <summary>
    /// Teams conversations the load is spread over, in tenants of ten, and Slack channels: the bot paces its replies under
    /// the platforms' documented limits (7/s a Teams conversation, 50/s a tenant, about 1/s a Slack channel), and the
    /// bench measures the bot, not those limits. At 4,000 channels Slack's limit capped replies at 4,000/s, below what
    /// CmBot now answers; the bot's caches of recently seen channels keep two generations of 10,000 (see RecentlyStored),
    /// and a load going round more channels than that in turn would measure store reads the bench does not mean to.
    /// </summary>
    public const int Conversations = 4000, SlackChannels = 8000;

    /// <summary>A Teams message activity saying "help", each with its own id, spread over many conversations.</summary>
    public static Target TeamsMessages(string name, int port, int connectorPort) => new(name, Conversations, i =>
        new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/api/messages")
        {
            Content = JsonContent.Create(new
            {
                type = "message",
                id = $"bench-{Guid.NewGuid():N}",
                timestamp = "2026-11-21T10:00:00Z",
                channelId = "msteams",
                serviceUrl = $"http://127.0.0.1:{connectorPort}/",
                from = new { id = "29:bench-user", name = "Bench" },
                recipient = new { id = "28:bench-bot", name = "CmBot" },
                conversation = new { id = $"a:bench-{i % Conversations}", conversationType = "personal" },
                text = "help",
                channelData = new { tenant = new { id = $"bench-tenant-{i % Conversations / 10}" } },
            }),
        });

    /// <summary>The signing secret the bench gives CmBot, so it can sign Slack requests as Slack would.</summary>
    public const string SlackSigningSecret = "bench-signing-secret";

    /// <summary>A signed Slack app_mention event saying "help", each with its own event id, over many channels.</summary>
    public static Target SlackMentions(string name, int port) => new(name, SlackChannels, i =>
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            type = "event_callback",
            team_id = "TBENCH",
            api_app_id = "ABENCH",
            event_id = $"Ev{Guid.NewGuid():N}",
            event_time = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            authorizations = new[] { new { team_id = "TBENCH", user_id = "UBOT", is_bot = true } },
            @event = new { type = "app_mention", user = "UBENCH", text = "<@UBOT> help", ts = $"{i}.000100", channel = $"CBENCH{i % SlackChannels}", event_ts = $"{i}.000100" },
        });
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SlackSigningSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/slack/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + signature);
        return request;
    });
}
