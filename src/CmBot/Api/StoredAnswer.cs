using System.Text;
using System.Text.Json;

namespace CmBot.Api;

/// <summary>An endpoint's answer as bytes: written now, kept for an idempotent replay, and written again later as it was.</summary>
public sealed record StoredAnswer(int StatusCode, string? ContentType, string? Body, string? Location, bool Replayed = false) : IResult
{
    /// <summary>Runs the endpoint's result against a scratch response to learn its status, headers and body.</summary>
    public static async Task<StoredAnswer> CaptureAsync(object? result, HttpContext http)
    {
        if (result is not IResult executable)
            return new(StatusCodes.Status200OK, "application/json; charset=utf-8", JsonSerializer.Serialize(result, JsonSerializerOptions.Web), null);
        var scratch = new DefaultHttpContext { RequestServices = http.RequestServices };
        using var body = new MemoryStream();
        scratch.Response.Body = body;
        await executable.ExecuteAsync(scratch);
        var location = scratch.Response.Headers.Location.ToString();
        return new(scratch.Response.StatusCode, scratch.Response.ContentType, Encoding.UTF8.GetString(body.ToArray()),
            location.Length > 0 ? location : null);
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        if (Location is not null) response.Headers.Location = Location;
        if (Replayed) response.Headers["Idempotent-Replayed"] = "true";
        if (ContentType is not null) response.ContentType = ContentType;
        if (!string.IsNullOrEmpty(Body)) await response.WriteAsync(Body, Encoding.UTF8);
    }
}
