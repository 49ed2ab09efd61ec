using System.Net;
using CmBot.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace CmBot.Tests.Teams;

/// <summary>teams.md §2 with a local RSA key and local OpenID metadata: only a fully valid Bot Connector token passes.</summary>
public sealed class TeamsAuthTests
{
    private static readonly TestSigningKey Key = new("key-1");

    [Fact]
    public async Task TokenMatrix_OnlyTheValidTokenPasses()
    {
        var notForTeams = new TestSigningKey("key-skype");
        await using var host = await TeamsTestHost.StartAsync(withAppId: true,
            c => c.Jwks = TestSigningKey.Jwks(Key.Jwk("msteams", "skype"), notForTeams.Jwk("skype")));
        var url = host.ServiceUrl;
        var now = DateTime.UtcNow;
        var cases = new Dictionary<string, string?>
        {
            ["valid"] = Key.Token(url),
            ["valid, serviceurl differs only in case"] = Key.Token(url.ToUpperInvariant()),
            ["valid, expired 2 minutes ago (inside the 5-minute skew)"] = Key.Token(url, notBefore: now.AddHours(-1), expires: now.AddMinutes(-2)),
            ["expired"] = Key.Token(url, notBefore: now.AddHours(-1), expires: now.AddMinutes(-10)),
            ["not yet valid"] = Key.Token(url, notBefore: now.AddMinutes(10), expires: now.AddMinutes(70)),
            ["wrong audience"] = Key.Token(url, audience: "00000000-0000-0000-0000-000000000000"),
            ["wrong issuer"] = Key.Token(url, issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"),
            ["bad signature"] = Key.ForgedToken(url),
            ["alg none"] = Key.UnsignedToken(url),
            ["HS256"] = Key.HmacToken(url),
            ["RS256 alternative PS256"] = Key.Token(url, algorithm: SecurityAlgorithms.RsaSsaPssSha256),
            ["missing serviceurl"] = Key.Token(url, withServiceUrl: false),
            ["serviceurl mismatch"] = Key.Token("https://smba.trafficmanager.net/amer/"),
            ["key not endorsed for msteams"] = notForTeams.Token(url),
            ["no Authorization header"] = null,
        };

        var outcomes = new Dictionary<string, HttpStatusCode>();
        foreach (var (name, token) in cases)
        {
            var activity = TeamsActivities.Of("messageReaction", url, "a:" + name.GetHashCode());
            outcomes[name] = (await host.PostAsync(activity, token)).StatusCode;
        }

        var expected = cases.Keys.ToDictionary(k => k, k => k.StartsWith("valid", StringComparison.Ordinal) ? HttpStatusCode.OK : HttpStatusCode.Unauthorized);
        Assert.Equal(expected, outcomes);
        // Only the accepted activities taught CmBot a conversation reference.
        Assert.Equal(3, await host.InStoreAsync(db => db.ChannelConversations.CountAsync()));
    }

    [Fact]
    public async Task Refusal_Says401WithNoDetail()
    {
        await using var host = await TeamsTestHost.StartAsync(withAppId: true, c => c.Jwks = TestSigningKey.Jwks(Key.Jwk("msteams")));

        var response = await host.PostAsync(TeamsActivities.Of("message", host.ServiceUrl, "a:1"), Key.Token("https://elsewhere.example/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownKid_RefreshesTheKeysOnce_ThenAcceptsARotatedKey_AndRefusesAnUnknownOne()
    {
        var rotated = new TestSigningKey("key-2");
        await using var host = await TeamsTestHost.StartAsync(withAppId: true, c => c.Jwks = TestSigningKey.Jwks(Key.Jwk("msteams")));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TeamsActivities.Of("typing", host.ServiceUrl, "a:1"), Key.Token(host.ServiceUrl))).StatusCode);
        Assert.Equal(1, host.Connector.JwksFetches);

        host.Connector.Jwks = TestSigningKey.Jwks(Key.Jwk("msteams"), rotated.Jwk("msteams"));
        var withRotatedKey = await host.PostAsync(TeamsActivities.Of("typing", host.ServiceUrl, "a:1"), rotated.Token(host.ServiceUrl));
        Assert.Equal(HttpStatusCode.OK, withRotatedKey.StatusCode);
        Assert.Equal(2, host.Connector.JwksFetches);

        // A forced refresh was spent a moment ago: an unknown kid is refused without fetching the keys again.
        var unknown = await host.PostAsync(TeamsActivities.Of("typing", host.ServiceUrl, "a:1"), new TestSigningKey("key-3").Token(host.ServiceUrl));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(2, host.Connector.JwksFetches);
    }

    [Fact]
    public async Task UnknownKid_NotInTheRefreshedKeysEither_IsRefusedAfterOneRefresh()
    {
        await using var host = await TeamsTestHost.StartAsync(withAppId: true, c => c.Jwks = TestSigningKey.Jwks(Key.Jwk("msteams")));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(TeamsActivities.Of("typing", host.ServiceUrl, "a:1"), Key.Token(host.ServiceUrl))).StatusCode);

        var response = await host.PostAsync(TeamsActivities.Of("typing", host.ServiceUrl, "a:1"), new TestSigningKey("key-9").Token(host.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, host.Connector.JwksFetches);
    }

    [Fact]
    public async Task LocalDevelopmentMode_AcceptsUnsignedRequests_ButStillChecksATokenThatIsThere()
    {
        await using var host = await TeamsTestHost.StartAsync();

        var unsigned = await host.PostAsync(TeamsActivities.Of("typing", host.ServiceUrl, "a:1"));
        var signed = await host.PostAsync(TeamsActivities.Of("typing", host.ServiceUrl, "a:1"), Key.Token(host.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signed.StatusCode);
    }

    [Fact]
    public void OutboundAuthority_FollowsTheAppType()
    {
        var tenant = "5e1f0c3a-92d4-4b6e-8f17-2a9c4d6b8e01";
        Assert.Equal($"https://login.microsoftonline.com/{tenant}",
            CmBot.Teams.Connector.MsalConnectorTokenSource.Authority(new TeamsOptions { AppType = TeamsAppType.SingleTenant, AppTenantId = tenant }));
        Assert.Equal("https://login.microsoftonline.com/botframework.com",
            CmBot.Teams.Connector.MsalConnectorTokenSource.Authority(new TeamsOptions { AppType = TeamsAppType.MultiTenant, AppTenantId = tenant }));
    }
}
