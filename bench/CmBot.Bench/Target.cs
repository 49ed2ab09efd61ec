using System.Net.Http.Json;

namespace CmBot.Bench;

/// <summary>An endpoint under load and how to make its i-th request.</summary>
public sealed record Target(string Name, Func<int, HttpRequestMessage> Request)
{
    /// <summary>A Teams message activity saying "help", each with its own id, spread over many conversations.</summary>
    public static Target TeamsMessages(string name, int port, int connectorPort) => new(name, i =>
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
                conversation = new { id = $"a:bench-{i % 1000}", conversationType = "personal" },
                text = "help",
                channelData = new { tenant = new { id = "bench-tenant" } },
            }),
        });
}
