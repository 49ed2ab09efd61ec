using System.Text;

namespace CmBot.Bench;

/// <summary>An endpoint under load and how to make its i-th request.</summary>
public sealed record Target(string Name, Uri Url, Func<int, HttpRequestMessage> Request)
{
    /// <summary>A Teams message activity saying "help", each with its own id, spread over many conversations.</summary>
    public static Target TeamsMessages(string name, int port, int connectorPort) => new(name, new Uri($"http://127.0.0.1:{port}/api/messages"), i =>
    {
        var json = $$$"""
            {"type":"message","id":"bench-{{{Guid.NewGuid():N}}}","timestamp":"2026-11-21T10:00:00Z","channelId":"msteams",
             "serviceUrl":"http://127.0.0.1:{{{connectorPort}}}/","from":{"id":"29:bench-user","name":"Bench"},
             "recipient":{"id":"28:bench-bot","name":"CmBot"},"conversation":{"id":"a:bench-{{{i % 1000}}}","conversationType":"personal"},
             "text":"help","channelData":{"tenant":{"id":"bench-tenant"}}}
            """;
        return new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    });
}
