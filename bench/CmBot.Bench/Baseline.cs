using System.Text;
using System.Text.Json;

namespace CmBot.Bench;

/// <summary>
/// The floor CmBot is measured against: bare Kestrel that parses the same activity JSON and makes one
/// outbound POST to the same fake connector before answering 200. No auth, no store, no cards.
/// </summary>
public static class Baseline
{
    public static async Task<int> RunAsync(int port, int connectorPort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{connectorPort}/") };
        app.MapPost("/api/messages", async (HttpRequest request) =>
        {
            using var activity = await JsonDocument.ParseAsync(request.Body);
            var conversation = activity.RootElement.GetProperty("conversation").GetProperty("id").GetString()!;
            var text = activity.RootElement.GetProperty("text").GetString();
            var reply = JsonSerializer.Serialize(new { type = "message", text = "echo: " + text });
            using var sent = await http.PostAsync($"v3/conversations/{Uri.EscapeDataString(conversation)}/activities",
                new StringContent(reply, Encoding.UTF8, "application/json"));
            return Results.Ok();
        });
        await app.RunAsync();
        return 0;
    }
}
