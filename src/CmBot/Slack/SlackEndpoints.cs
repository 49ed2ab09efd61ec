using System.Text.Json;

namespace CmBot.Slack;

/// <summary>
/// The three HTTP doors Slack knocks on. Each checks the signature over the raw bytes (401 without detail when
/// it fails), parses, hands over, and answers within Slack's 3 s; a body of the wrong shape is a 400 with a reason.
/// </summary>
public static class SlackEndpoints
{
    public static void MapSlackEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/slack/events", EventsAsync);
        app.MapPost("/slack/interactivity", InteractivityAsync);
        app.MapPost("/slack/commands", CommandsAsync);
    }

    private static async Task<IResult> EventsAsync(HttpRequest request, SlackRequest slack, SlackEventHandler events, CancellationToken ct)
    {
        if (await SlackRequest.ReadBodyAsync(request, ct) is not { } body) return TooLarge();
        if (!slack.IsSigned(request, body)) return Results.Unauthorized();
        return await Guard(request, async () =>
        {
            using var json = Parse(body);
            var challenge = await events.HandleAsync(json.RootElement, ct);
            return challenge is null ? Results.Ok() : Results.Json(new { challenge });
        });
    }

    private static async Task<IResult> InteractivityAsync(HttpRequest request, SlackRequest slack, SlackInteractionHandler interactions, CancellationToken ct)
    {
        if (await SlackRequest.ReadBodyAsync(request, ct) is not { } body) return TooLarge();
        if (!slack.IsSigned(request, body)) return Results.Unauthorized();
        return await Guard(request, async () =>
        {
            var payload = SlackRequest.Form(body).GetValueOrDefault("payload") ?? throw new SlackPayloadException("no payload field");
            using var json = Parse(System.Text.Encoding.UTF8.GetBytes(payload));
            var answer = await interactions.HandleAsync(json.RootElement, ct);
            return answer is null ? Results.Ok() : Results.Text(answer.ToJsonString(), "application/json");
        });
    }

    private static async Task<IResult> CommandsAsync(HttpRequest request, SlackRequest slack, SlackCommandHandler commands, CancellationToken ct)
    {
        if (await SlackRequest.ReadBodyAsync(request, ct) is not { } body) return TooLarge();
        var fields = SlackRequest.Form(body);
        // Slack's certificate probe is unsigned and carries nothing to act on.
        if (fields.GetValueOrDefault("ssl_check") == "1") return Results.Ok();
        if (!slack.IsSigned(request, body)) return Results.Unauthorized();
        return await Guard(request, async () => Results.Text((await commands.HandleAsync(fields, ct)).ToJsonString(), "application/json"));
    }

    /// <summary>ReadBodyAsync gives nothing only for a body over the size limit.</summary>
    private static IResult TooLarge() => Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

    private static JsonDocument Parse(byte[] body)
    {
        // JSON is UTF-8 (RFC 8259); the parser checks strings only when they are read, deep inside the handlers.
        if (!System.Text.Unicode.Utf8.IsValid(body)) throw new SlackPayloadException("body is not UTF-8");
        try
        {
            var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = CmBot.Hosting.RequestLimits.MaxJsonDepth });
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
            document.Dispose();
        }
        catch (JsonException)
        {
            // Answered below.
        }
        throw new SlackPayloadException("body is not a JSON object");
    }

    private static async Task<IResult> Guard(HttpRequest request, Func<Task<IResult>> handle)
    {
        try
        {
            return await handle();
        }
        catch (Exception malformed) when (malformed is SlackPayloadException or KeyNotFoundException)
        {
            // Sending it again would not make it well-formed.
            request.HttpContext.Response.Headers["X-Slack-No-Retry"] = "1";
            var reason = malformed is SlackPayloadException ? malformed.Message : "a required field is missing";
            return Results.Text(reason, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
