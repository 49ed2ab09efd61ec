using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace CmBot.Tests.Slack;

/// <summary>/cm: acknowledged at once for the invoker, the answer posted in the channel through the outbox.</summary>
public sealed class SlackCommandTests : IAsyncLifetime
{
    private SlackHost host = null!;

    public async Task InitializeAsync() => host = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Dictionary<string, string> Command(string text, string trigger) => new()
    {
        ["token"] = "Xq7LmN2pR4sT6vW8yZ0aB1cD", ["team_id"] = "T04CMTY7Q2N", ["team_domain"] = "acme-community",
        ["channel_id"] = "C05DRAFTS01", ["channel_name"] = "community-drafts", ["user_id"] = "U03PRIYA9RM", ["user_name"] = "priya.raman",
        ["command"] = "/cm", ["text"] = text, ["api_app_id"] = "A07DRAFTBOT", ["response_url"] = host.Api.ResponseUrl(),
        ["trigger_id"] = trigger,
    };

    [Fact]
    public async Task Help_IsAckedEphemerallyWithinThreeSeconds_AndTheCardIsPostedInTheChannel()
    {
        var clock = Stopwatch.StartNew();
        var response = await host.PostCommandAsync(Command("help", "1.2.trig-help"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var ack = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.Equal("ephemeral", ack.RootElement.GetProperty("response_type").GetString());
            Assert.Contains("help", ack.RootElement.GetProperty("text").GetString());
        }
        var post = Assert.Single(await host.Api.WaitForAsync("chat.postMessage"));
        Assert.Equal("C05DRAFTS01", post.Json.GetProperty("channel").GetString());
        Assert.False(post.Json.TryGetProperty("thread_ts", out _));
        Assert.Equal("header", post.Json.GetProperty("blocks")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task NumbersLastWeek_ReachesTheNumbersCommandWithItsArguments()
    {
        await host.PostCommandAsync(Command("numbers last week", "1.2.trig-numbers"));

        var post = Assert.Single(await host.Api.WaitForAsync("chat.postMessage"));
        Assert.Contains("semaine dernière", post.Json.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString());
    }

    [Fact]
    public async Task SameTrigger_Twice_IsAnsweredOnce()
    {
        await host.PostCommandAsync(Command("help", "1.2.trig-twice"));
        await host.PostCommandAsync(Command("help", "1.2.trig-twice"));

        await host.Api.WaitForAsync("chat.postMessage");
        await Task.Delay(500);
        Assert.Single(host.Api.CallsTo("chat.postMessage"));
    }
}
