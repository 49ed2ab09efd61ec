using CmBot.Domain.Integrations;
using CmBot.Domain.Store;

namespace CmBot.Api;

/// <summary>
/// Every /api request carries a brand's key (<c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>); a missing,
/// unknown or revoked one is refused with 401 before anything else runs. The key is never logged.
/// </summary>
public sealed class ApiKeyFilter(CmBotDb db) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = await ApiKeyFinder.FindActiveAsync(db, Presented(http.Request), http.RequestAborted);
        if (key is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid API key is required.",
                detail: "Send 'Authorization: Bearer <key>' (or 'X-Api-Key: <key>'). A brand admin creates keys in chat with `brand apikey new <name>`.");
        }
        http.Items[typeof(ApiCaller)] = new ApiCaller(key.BrandId, key.Id, key.Name);
        return await next(context);
    }

    private static string? Presented(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return authorization["Bearer ".Length..].Trim();
        return request.Headers["X-Api-Key"].ToString() is { Length: > 0 } header ? header.Trim() : null;
    }
}
