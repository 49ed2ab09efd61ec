using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace CmBot.Tests.Slack;

/// <summary>Installing in another workspace: the state is checked, the code exchanged, the token stored encrypted and used for that workspace only.</summary>
public sealed class SlackOAuthTests : IAsyncLifetime
{
    private const string InstalledToken = "xoxb-installed-5f1d0c9e8b7a";
    private const string ClientSecret = "c11e47-secret-9d8e7f";
    private SlackHost host = null!;

    public async Task InitializeAsync() => host = await SlackHost.StartAsync(new()
    {
        ["Slack:ClientId"] = "1234.5678", ["Slack:ClientSecret"] = ClientSecret, ["Slack:RedirectUri"] = "https://bot.example.com/slack/oauth/callback",
    });

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Callback_WithAForgedState_IsRefusedWithoutCallingSlack()
    {
        var (_, cookie) = await InstallAsync();

        var response = await CallbackAsync("forged-state", cookie);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Api.CallsTo("oauth.v2.access"));
        Assert.Equal(0, host.Db(db => db.WorkspaceInstallations.Count()));
    }

    [Fact]
    public async Task Callback_WithAGenuineStateButFromAnotherBrowser_IsRefused()
    {
        var (state, _) = await InstallAsync();

        var response = await CallbackAsync(state, cookie: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Api.CallsTo("oauth.v2.access"));
    }

    [Fact]
    public async Task Install_ThenCallback_StoresTheTokenEncrypted_AndUsesItForThatWorkspace()
    {
        var (state, cookie) = await InstallAsync();

        var response = await CallbackAsync(state, cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var exchange = Assert.Single(host.Api.CallsTo("oauth.v2.access"));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("1234.5678:" + ClientSecret)), exchange.Authorization);
        Assert.Equal(("the-code", "https://bot.example.com/slack/oauth/callback"), (exchange.Form("code"), exchange.Form("redirect_uri")));
        var installation = host.Db(db => db.WorkspaceInstallations.Single());
        Assert.Equal(("T0INSTALL1", "B07BOTID0XY", "U0INSTBOT1"), (installation.WorkspaceId, installation.BotId, installation.BotUserId));
        Assert.DoesNotContain(InstalledToken, installation.EncryptedBotToken);
        Assert.DoesNotContain("5f1d0c9e8b7a", installation.EncryptedBotToken);

        var mention = SlackHost.Mention("help", "Ev0INSTALLED", channel: "C0INSTALLED");
        mention["team_id"] = "T0INSTALL1";
        await host.PostEventAsync(mention);

        var post = Assert.Single(await host.Api.WaitForAsync("chat.postMessage"));
        Assert.Equal("Bearer " + InstalledToken, post.Authorization);
        Assert.DoesNotContain("5f1d0c9e8b7a", host.Logs.All);
        Assert.DoesNotContain(ClientSecret, host.Logs.All);
        Assert.DoesNotContain("configuredtoken", host.Logs.All);
    }

    [Fact]
    public async Task TokensRevoked_ForgetsTheWorkspace()
    {
        var (state, cookie) = await InstallAsync();
        await CallbackAsync(state, cookie);
        var revoked = Samples.Json("slack-event-app-mention.json");
        revoked["team_id"] = "T0INSTALL1";
        revoked["event_id"] = "Ev0REVOKED1";
        revoked["event"] = new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["bot"] = new JsonArray("U0INSTBOT1") } };

        await host.PostEventAsync(revoked);

        Assert.Equal(0, host.Db(db => db.WorkspaceInstallations.Count()));
    }

    private async Task<(string State, string Cookie)> InstallAsync()
    {
        var response = await host.Client.GetAsync("/slack/install");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("https://slack.com/oauth/v2/authorize?", location.ToString());
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("1234.5678", query["client_id"].ToString());
        Assert.Contains("chat:write", query["scope"].ToString());
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        return (query["state"].ToString(), cookie);
    }

    private Task<HttpResponseMessage> CallbackAsync(string state, string? cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/slack/oauth/callback?code=the-code&state={Uri.EscapeDataString(state)}");
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        return host.Client.SendAsync(request);
    }
}
