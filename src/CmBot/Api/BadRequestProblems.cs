using System.Collections;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;

namespace CmBot.Api;

/// <summary>
/// A request the minimal APIs cannot bind (a body that is not JSON, a value of the wrong type, no body) is the
/// caller's mistake: it gets a problem naming what is wrong, like the API's own refusals, and a Debug log line. The
/// framework's messages name .NET types and handler parameters, so the answer is built from the JSON error's path
/// and position instead; only the parser's description of a syntax error is passed on.
/// </summary>
public static partial class BadRequestProblems
{
    /// <summary>Catches what the binding throws (with <see cref="RouteHandlerOptions.ThrowOnBadRequest"/>), before any exception page.</summary>
    public static IApplicationBuilder UseBadRequestProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException refused) when (!context.Response.HasStarted)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BadRequestProblems))
                .LogDebug("Bad request to {Path}: {Status}", context.Request.Path, refused.StatusCode);
            await For(refused, context).ExecuteAsync(context);
        }
    });

    private static IResult For(BadHttpRequestException refused, HttpContext context)
    {
        var bodyType = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        switch (refused.InnerException)
        {
            case JsonException { InnerException: JsonException syntax } json:
                // The reader's own exception inside: the text is not JSON at all.
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request body is not valid JSON.",
                    detail: $"Line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}: {WithoutPosition(syntax.Message)}");
            case JsonException json:
                var field = Field(json.Path);
                var expected = Expected(bodyType, json.Path);
                if (field.Length == 0)
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"The request body must be {expected}.");
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"The value has the wrong type: expected {expected}."] },
                    detail: $"'{field}' has the wrong type: expected {expected}.");
        }
        if (bodyType is not null && refused.StatusCode == StatusCodes.Status400BadRequest)
            return TypedResults.Problem(statusCode: refused.StatusCode, title: "The request body must be a JSON object.",
                detail: "The body is empty or null.");
        return TypedResults.Problem(statusCode: refused.StatusCode, title: "The request is not valid.");
    }

    /// <summary>"$.comments[0].needsReply" as the API names fields elsewhere: "comments[0].needsReply"; the body itself is "".</summary>
    private static string Field(string? path) => path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>What the body's type wants at <paramref name="path"/>, in JSON words; vague when the path cannot be followed.</summary>
    private static string Expected(Type? bodyType, string? path)
    {
        var type = bodyType;
        foreach (Match segment in PathSegment().Matches(path ?? ""))
        {
            if (type is null) break;
            type = segment.Groups["index"].Success
                ? ElementType(type)
                : type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, segment.Groups["name"].Value, StringComparison.OrdinalIgnoreCase))?.PropertyType;
        }
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => "a value of another type",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(string) || type.IsEnum => "a string",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "a date and time as an ISO 8601 string, e.g. \"2026-05-11T09:30:00+02:00\"",
            _ when type == typeof(DateOnly) => "a date as a \"yyyy-MM-dd\" string",
            _ when type.IsPrimitive || type == typeof(decimal) => "a number",
            _ when ElementType(type) is not null => "an array",
            _ => "a JSON object",
        };
    }

    private static Type? ElementType(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>The reader ends its messages with where it stopped; the answer says that in its own words.</summary>
    private static string WithoutPosition(string message) =>
        message.IndexOf(" LineNumber:", StringComparison.Ordinal) is var at and > 0 ? message[..at].TrimEnd(' ', '|', '.') + "." : message;

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<name>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}
