using System.Security.Cryptography;
using System.Text.Json;
using CmBot.Domain.Channels;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CmBot.Slack;

/// <summary>
/// Installing CmBot in more workspaces (OAuth v2). /slack/install sends the installer to Slack with a state that is
/// both signed by Data Protection (10 minutes) and bound to a cookie of this browser, so a forged or replayed
/// callback is refused; /slack/oauth/callback trades the code for the bot token and stores it encrypted.
/// </summary>
public static class SlackOAuth
{
    private const string StateCookie = "cmbot_slack_state";
    private const string Purpose = "CmBot.Slack.OAuthState";

    public static void MapSlackOAuth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/slack/install", Install);
        app.MapGet("/slack/oauth/callback", CallbackAsync);
    }

    private static IResult Install(HttpContext http, IOptions<SlackOptions> options, IDataProtectionProvider protection)
    {
        var slack = options.Value;
        if (slack.ClientId is not { Length: > 0 }) return Results.NotFound();
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var state = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Protect(nonce, TimeSpan.FromMinutes(10));
        http.Response.Cookies.Append(StateCookie, nonce, new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromMinutes(10), Path = "/slack/oauth",
        });
        var url = $"{slack.AuthorizeUrl}?client_id={Uri.EscapeDataString(slack.ClientId)}&scope={Uri.EscapeDataString(slack.Scopes)}"
            + $"&user_scope=&redirect_uri={Uri.EscapeDataString(RedirectUri(http, slack))}&state={Uri.EscapeDataString(state)}";
        return Results.Redirect(url);
    }

    private static async Task<IResult> CallbackAsync(HttpContext http, IOptions<SlackOptions> options, IDataProtectionProvider protection,
        SlackWebApi api, SlackTokens tokens, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(SlackOAuth).FullName!);
        var slack = options.Value;
        var query = http.Request.Query;
        if (!IsStateValid(query["state"].ToString(), http.Request.Cookies[StateCookie], protection))
        {
            logger.LogWarning("Refused a Slack OAuth callback with a missing, forged or expired state");
            return Results.Text("This install link is invalid or expired. Start again from /slack/install.", statusCode: StatusCodes.Status400BadRequest);
        }
        http.Response.Cookies.Delete(StateCookie, new CookieOptions { Path = "/slack/oauth" });
        if (query["error"].ToString() is { Length: > 0 } denied)
            return Results.Text($"Slack did not install CmBot ({denied}).", statusCode: StatusCodes.Status400BadRequest);
        if (query["code"].ToString() is not { Length: > 0 } code || slack.ClientId is null || slack.ClientSecret is null)
            return Results.Text("Missing code.", statusCode: StatusCodes.Status400BadRequest);

        try
        {
            var access = await api.OAuthAccessAsync(slack.ClientId, slack.ClientSecret, code, RedirectUri(http, slack), ct);
            var token = access.GetProperty("access_token").GetString() ?? throw new SlackApiException("oauth.v2.access", "no_token");
            var team = access.GetProperty("team");
            var teamId = team.GetProperty("id").GetString() ?? throw new SlackApiException("oauth.v2.access", "no_team");
            // bot_id is not in the OAuth answer; auth.test tells it (and proves the token works).
            var self = await api.AuthTestAsync(token, ct);
            await tokens.SaveInstallationAsync(new WorkspaceInstallation
            {
                Channel = SlackTokens.Channel,
                WorkspaceId = teamId,
                WorkspaceName = SlackEventHandler.Str(team, "name"),
                EnterpriseId = access.TryGetProperty("enterprise", out var e) && e.ValueKind == JsonValueKind.Object ? SlackEventHandler.Str(e, "id") : null,
                EncryptedBotToken = "",
                BotUserId = SlackEventHandler.Str(access, "bot_user_id") ?? SlackEventHandler.Str(self, "user_id"),
                BotId = SlackEventHandler.Str(self, "bot_id"),
                InstalledById = access.TryGetProperty("authed_user", out var u) ? SlackEventHandler.Str(u, "id") : null,
                InstalledAt = clock.GetUtcNow(),
            }, token, ct);
            logger.LogInformation("CmBot installed in Slack workspace {Team}", teamId);
            return Results.Text($"CmBot is installed in {SlackEventHandler.Str(team, "name") ?? teamId}. Invite it to a channel and type /cm help.");
        }
        catch (Exception failure) when (failure is SlackApiException or KeyNotFoundException or InvalidOperationException)
        {
            logger.LogWarning("Slack OAuth exchange failed: {Error}", failure is SlackApiException api2 ? api2.Error : "unexpected answer");
            return Results.Text("Slack refused the installation; please try again.", statusCode: StatusCodes.Status502BadGateway);
        }
    }

    private static bool IsStateValid(string state, string? cookie, IDataProtectionProvider protection)
    {
        if (state.Length == 0 || cookie is not { Length: > 0 }) return false;
        try
        {
            var nonce = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(state);
            return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(nonce), System.Text.Encoding.UTF8.GetBytes(cookie));
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string RedirectUri(HttpContext http, SlackOptions slack) =>
        slack.RedirectUri is { Length: > 0 } configured ? configured : $"{http.Request.Scheme}://{http.Request.Host}/slack/oauth/callback";
}
