using System.Net;
using CmBot.Teams.Auth;
using CmBot.Teams.Inbound;
using Microsoft.Extensions.Options;

namespace CmBot.Teams;

/// <summary>
/// `POST /api/messages`. A request needs a Bot Connector token, except in local development mode (no app id, the
/// Development environment) where an unsigned request from this machine is accepted, as the Bot Framework SDKs do
/// for the Emulator and Microsoft's playground; a token that is present is always checked. Refusals are a bare 401.
/// </summary>
public static class TeamsEndpoint
{
    public const string Path = "/api/messages";

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        IOptions<TeamsOptions> options,
        IHostEnvironment environment,
        BotConnectorAuthenticator authenticator,
        TeamsActivityHandler handler)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var anonymous = string.IsNullOrEmpty(authorization);
        if (anonymous && !(IsLocalDevelopment(options.Value, environment) && IsLoopback(context.Connection.RemoteIpAddress)))
            return Results.Unauthorized();

        var (activity, error) = await ActivityReader.ReadAsync(context.Request, options.Value.MaxActivityBytes, context.RequestAborted);
        if (activity is null)
            return error == ActivityReader.TooLarge ? Results.StatusCode(StatusCodes.Status413PayloadTooLarge) : Results.BadRequest(error);
        if (activity.ServiceUrl is { } serviceUrl && !IsAcceptable(serviceUrl, environment)) return Results.BadRequest("serviceUrl must be an https address");
        if (!anonymous && !await authenticator.IsValidAsync(authorization, activity, context.RequestAborted)) return Results.Unauthorized();

        return await handler.HandleAsync(activity, context.RequestAborted);
    }

    public static bool IsLocalDevelopment(TeamsOptions options, IHostEnvironment environment) => !options.HasAppId && environment.IsDevelopment();

    /// <summary>No remote address means an in-process caller (the test server), not the network.</summary>
    private static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    private static bool IsAcceptable(string serviceUrl, IHostEnvironment environment) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && environment.IsDevelopment()));
}
