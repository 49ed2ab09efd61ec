using CmBot.Teams.Inbound;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CmBot.Teams.Auth;

/// <summary>
/// Checks a Bot Connector token against the activity it came with, as teams.md §2 lists: `Bearer` scheme, RS256/384/512
/// only, key found by `kid` (one forced refresh for an unknown one), issuer, audience = our app id, lifetime with
/// 5 minutes of skew, the `serviceurl` claim equal to the activity's serviceUrl, and the key endorsed for its channel.
/// Reasons for a refusal are logged at debug level only and never sent back.
/// </summary>
public sealed class BotConnectorAuthenticator(IOptions<TeamsOptions> options, BotConnectorKeys keys, ILogger<BotConnectorAuthenticator> logger)
{
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async Task<bool> IsValidAsync(string authorization, TeamsActivity activity, CancellationToken cancellationToken)
    {
        var appId = options.Value.AppId;
        if (string.IsNullOrWhiteSpace(appId)) return Refuse("no app id configured to validate a token against");
        var parts = authorization.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase)) return Refuse("not a Bearer header");
        if (!Handler.CanReadToken(parts[1])) return Refuse("unreadable token");

        JsonWebToken token;
        try { token = Handler.ReadJsonWebToken(parts[1]); }
        catch (ArgumentException) { return Refuse("unreadable token"); }
        if (!Algorithms.Contains(token.Alg, StringComparer.Ordinal)) return Refuse($"algorithm {token.Alg}");
        if (string.IsNullOrEmpty(token.Kid)) return Refuse("no kid");

        var configuration = await keys.GetAsync(cancellationToken);
        var key = FindKey(configuration, token.Kid);
        if (key is null && keys.RefreshForUnknownKey(configuration) is { } refreshing)
        {
            configuration = await refreshing.WaitAsync(cancellationToken);
            key = FindKey(configuration, token.Kid);
        }
        if (key is null) return Refuse("unknown kid");

        var result = await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = TeamsOptions.BotConnectorIssuer,
            ValidAudience = appId,
            IssuerSigningKey = key,
            TryAllIssuerSigningKeys = false,
            ValidAlgorithms = Algorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        });
        if (!result.IsValid) return Refuse(result.Exception?.GetType().Name ?? "invalid token");

        var serviceUrl = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        if (serviceUrl is null || !string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
            return Refuse("serviceurl claim missing or different from the activity's");
        if (activity.ChannelId is not { Length: > 0 } channelId || !configuration.IsEndorsed(token.Kid, channelId))
            return Refuse("key not endorsed for the channel");
        return true;
    }

    private static SecurityKey? FindKey(BotConnectorConfiguration configuration, string kid) =>
        configuration.SigningKeys.FirstOrDefault(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal));

    private bool Refuse(string reason)
    {
        logger.LogDebug("Refused a Teams request: {Reason}", reason);
        return false;
    }
}
