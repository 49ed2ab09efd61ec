using System.Diagnostics;
using CmBot.Domain.Cards;
using CmBot.Domain.Delivery;
using CmBot.Slack;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Tests.Slack;

/// <summary>The outbox's Slack sender against the fake Web API: what it sends, and how each failure is reported to the dispatcher.</summary>
public sealed class SlackSenderTests : IAsyncLifetime
{
    private SlackHost host = null!;
    private SlackSender sender = null!;
    private static readonly OutboundContent Card = new(null, new Card("draft-1", CardKind.Draft, "Draft 1") { State = "Waiting", Text = "Hello <team> & co" });

    public async Task InitializeAsync()
    {
        host = await SlackHost.StartAsync(new() { ["Slack:PostInterval"] = "00:00:00.400" });
        sender = host.App.Services.GetRequiredService<SlackSender>();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Post_SendsBlocksAndFallbackText_InTheThread_AndReturnsTheTs()
    {
        var ts = await sender.PostAsync("C0SEND00001", "1778491234.000100", Card, CancellationToken.None);

        var call = Assert.Single(host.Api.CallsTo("chat.postMessage"));
        Assert.Equal("1778500000.000001", ts);
        Assert.Equal("Bearer " + SlackHost.BotToken, call.Authorization);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.Equal("1778491234.000100", call.Json.GetProperty("thread_ts").GetString());
        Assert.Equal("Draft 1 · Waiting", call.Json.GetProperty("text").GetString());
        Assert.Contains(call.Json.GetProperty("blocks").EnumerateArray(),
            b => b.TryGetProperty("text", out var text) && text.GetProperty("text").GetString() == "Hello &lt;team&gt; &amp; co");
    }

    [Fact]
    public async Task Update_AndDelete_AddressTheMessageByTs()
    {
        await sender.UpdateAsync("C0SEND00001", null, "1778500000.000009", Card, CancellationToken.None);
        await sender.DeleteAsync("C0SEND00001", null, "1778500000.000009", CancellationToken.None);

        Assert.Equal("1778500000.000009", Assert.Single(host.Api.CallsTo("chat.update")).Json.GetProperty("ts").GetString());
        Assert.Equal("1778500000.000009", Assert.Single(host.Api.CallsTo("chat.delete")).Json.GetProperty("ts").GetString());
    }

    [Fact]
    public async Task Post_Http429_IsThrottledForTheRetryAfterAsked()
    {
        host.Api.Script("chat.postMessage", _ => FakeSlackApi.RateLimited(7));

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => sender.PostAsync("C0SEND00001", null, Card, CancellationToken.None));

        Assert.Equal((DeliveryFailure.Throttled, TimeSpan.FromSeconds(7)), (failure.Failure, failure.RetryAfter));
    }

    [Fact]
    public async Task Post_Http5xx_IsTransient()
    {
        host.Api.Script("chat.postMessage", _ => Results.StatusCode(503));

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => sender.PostAsync("C0SEND00001", null, Card, CancellationToken.None));

        Assert.Equal(DeliveryFailure.Transient, failure.Failure);
    }

    [Theory]
    [InlineData("channel_not_found", DeliveryFailure.ConversationGone)]
    [InlineData("is_archived", DeliveryFailure.ConversationGone)]
    [InlineData("invalid_blocks", DeliveryFailure.Rejected)]
    [InlineData("msg_too_long", DeliveryFailure.Rejected)]
    [InlineData("internal_error", DeliveryFailure.Transient)]
    public async Task Post_OkFalse_IsMappedByItsErrorCode(string error, DeliveryFailure expected)
    {
        host.Api.Script("chat.postMessage", _ => FakeSlackApi.Error(error));

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => sender.PostAsync("C0SEND00001", null, Card, CancellationToken.None));

        Assert.Equal(expected, failure.Failure);
        Assert.Contains(error, failure.Message);
    }

    [Fact]
    public async Task Post_NotInChannel_IsGone_LogsWhatToDo_AndTellsThePersonWhoAsked()
    {
        host.App.Services.GetRequiredService<SlackResponseUrls>().Remember("G0PRIVATE01", host.Api.ResponseUrl());
        host.Api.Script("chat.postMessage", _ => FakeSlackApi.Error("not_in_channel"));

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => sender.PostAsync("G0PRIVATE01", null, Card, CancellationToken.None));

        Assert.Equal(DeliveryFailure.ConversationGone, failure.Failure);
        Assert.Contains(host.Logs.Lines, l => l.Contains("not a member of Slack channel G0PRIVATE01") && l.Contains("invite"));
        var notice = Assert.Single(await host.Api.WaitForAsync("response_url"));
        Assert.Contains("/invite @CmBot", notice.Json.GetProperty("text").GetString());
        Assert.Equal("ephemeral", notice.Json.GetProperty("response_type").GetString());
    }

    [Fact]
    public async Task Posts_ToOneChannel_ArePaced_OtherChannelsAreNot()
    {
        // The first post of a host is slow (JIT, connections); it must not eat into the measured interval.
        await sender.PostAsync("C0WARMUP001", null, Card, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        await sender.PostAsync("C0PACE00001", null, Card, CancellationToken.None);
        var first = clock.Elapsed;
        await sender.PostAsync("C0PACE00002", null, Card, CancellationToken.None);
        var other = clock.Elapsed - first;
        await sender.PostAsync("C0PACE00001", null, Card, CancellationToken.None);
        var same = clock.Elapsed;

        Assert.True(other < TimeSpan.FromMilliseconds(300), $"another channel waited {other}");
        Assert.True(same >= TimeSpan.FromMilliseconds(300), $"the same channel waited only {same}");
    }

    [Fact]
    public async Task Failures_NeverWriteTheTokenToTheLogs()
    {
        foreach (var error in new[] { "invalid_auth", "not_in_channel", "channel_not_found", "invalid_blocks" })
        {
            host.Api.Script("chat.postMessage", _ => FakeSlackApi.Error(error));
            await Assert.ThrowsAsync<DeliveryException>(() => sender.PostAsync("C0LOGS00001", null, Card, CancellationToken.None));
        }
        host.Api.Script("chat.postMessage", _ => FakeSlackApi.RateLimited(1));
        await Assert.ThrowsAsync<DeliveryException>(() => sender.PostAsync("C0LOGS00001", null, Card, CancellationToken.None));

        Assert.Contains(host.Logs.Lines, l => l.Contains("invalid_blocks"));
        Assert.DoesNotContain("configuredtoken", host.Logs.All);
    }
}
