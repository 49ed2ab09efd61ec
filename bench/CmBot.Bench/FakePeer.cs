namespace CmBot.Bench;

/// <summary>The far side of every outbound call: a Teams connector and a Slack Web API that answer at once.</summary>
public static class FakePeer
{
    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        long calls = 0;
        app.MapPost("/v3/conversations/{conversation}/activities", () =>
            Results.Json(new { id = Interlocked.Increment(ref calls).ToString() }, statusCode: 201));
        app.MapPost("/v3/conversations/{conversation}/activities/{activity}", () =>
            Results.Json(new { id = Interlocked.Increment(ref calls).ToString() }, statusCode: 201));
        app.MapPut("/v3/conversations/{conversation}/activities/{activity}", (string activity) =>
        {
            Interlocked.Increment(ref calls);
            return Results.Json(new { id = activity });
        });
        app.MapPost("/api/{method}", (string method) =>
        {
            var n = Interlocked.Increment(ref calls);
            return Results.Json(new { ok = true, ts = $"{n}.000100", channel = "C1", user_id = "UBOT", bot_id = "BBOT" });
        });
        app.MapGet("/calls", () => Interlocked.Read(ref calls));
        await app.RunAsync();
        return 0;
    }
}
