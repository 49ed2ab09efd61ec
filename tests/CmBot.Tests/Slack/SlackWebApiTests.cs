using System.Text.Json.Nodes;
using CmBot.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Tests.Slack;

/// <summary>The Web API client against the fake: each method's shape, and the bounded wait on rate limits for calls a person waits on.</summary>
public sealed class SlackWebApiTests : IAsyncLifetime
{
    private const string Token = "xoxb-webapi-test";
    private SlackHost host = null!;
    private SlackWebApi api = null!;

    public async Task InitializeAsync()
    {
        host = await SlackHost.StartAsync();
        api = host.App.Services.GetRequiredService<SlackWebApi>();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task EveryMethod_SendsTheBearerToken_WithJsonForWritesAndFormsForReads()
    {
        var view = new JsonObject { ["type"] = "modal" };
        await api.PostEphemeralAsync(Token, "C1", "U1", "psst", null, default);
        await api.OpenViewAsync(Token, "trigger", view, default);
        await api.UpdateViewAsync(Token, "V1", new JsonObject { ["type"] = "modal" }, default);
        await api.PublishViewAsync(Token, "U1", new JsonObject { ["type"] = "home" }, default);
        await api.AuthTestAsync(Token, default);
        await api.ConversationInfoAsync(Token, "C1", default);

        var calls = host.Api.Calls;
        Assert.Equal(["chat.postEphemeral", "views.open", "views.update", "views.publish", "auth.test", "conversations.info"], calls.Select(c => c.Method));
        Assert.All(calls, c => Assert.Equal("Bearer " + Token, c.Authorization));
        Assert.All(calls.Take(4), c => Assert.Equal("application/json; charset=utf-8", c.ContentType));
        Assert.Equal("application/x-www-form-urlencoded", calls[^1].ContentType);
        Assert.Equal("C1", calls[^1].Form("channel"));
    }

    [Fact]
    public async Task ViewsOpen_RateLimitedBrieflyEnough_IsRetriedOnce()
    {
        host.Api.Script("views.open", _ => FakeSlackApi.RateLimited(1));

        await api.OpenViewAsync(Token, "trigger", new JsonObject { ["type"] = "modal" }, default);

        Assert.Equal(2, host.Api.CallsTo("views.open").Count);
    }

    [Fact]
    public async Task ViewsOpen_RateLimitedLongerThanTheTriggerLives_FailsAtOnce()
    {
        host.Api.Script("views.open", _ => FakeSlackApi.RateLimited(5));

        var failure = await Assert.ThrowsAsync<SlackApiException>(() => api.OpenViewAsync(Token, "trigger", new JsonObject { ["type"] = "modal" }, default));

        Assert.Equal(("ratelimited", TimeSpan.FromSeconds(5)), (failure.Error, failure.RetryAfter));
        Assert.Single(host.Api.CallsTo("views.open"));
    }

    [Fact]
    public async Task OkFalse_WithHttp200_IsAFailure()
    {
        host.Api.Script("chat.postEphemeral", _ => FakeSlackApi.Error("user_not_in_channel"));

        var failure = await Assert.ThrowsAsync<SlackApiException>(() => api.PostEphemeralAsync(Token, "C1", "U1", "psst", null, default));

        Assert.Equal("user_not_in_channel", failure.Error);
        Assert.DoesNotContain(Token, failure.Message);
    }
}
