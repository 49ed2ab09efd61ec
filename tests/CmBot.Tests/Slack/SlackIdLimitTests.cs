using System.Net;
using System.Text.Json.Nodes;
using CmBot.Slack;

namespace CmBot.Tests.Slack;

/// <summary>Ids no Slack payload carries are refused with a 400 naming them, before the store or Slack hears of them.</summary>
public sealed class SlackIdLimitTests : IAsyncLifetime
{
    private static readonly string Oversized = "C" + new string('X', SlackIds.MaxLength);
    private SlackHost host = null!;

    public async Task InitializeAsync() => host = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("event.channel")]
    [InlineData("event.user")]
    [InlineData("event.thread_ts")]
    [InlineData("event_id")]
    [InlineData("team_id")]
    [InlineData("a user mentioned in event.text")]
    public async Task EventWithAnOversizedId_Is400NamingIt_AndNothingIsStoredOrPosted(string field)
    {
        var before = Counts();
        var mention = SlackHost.Mention("help", "Ev0LONGID001");
        var inner = mention["event"]!.AsObject();
        switch (field)
        {
            case "event.channel": inner["channel"] = Oversized; break;
            case "event.user": inner["user"] = Oversized; break;
            case "event.thread_ts": inner["thread_ts"] = "1778491234." + new string('0', SlackIds.MaxLength); break;
            case "event_id": mention["event_id"] = "Ev" + Oversized; break;
            case "team_id": mention["team_id"] = "T" + Oversized; break;
            case "a user mentioned in event.text": inner["text"] = $"<@{FakeSlackApi.BotUserId}> help <@U{new string('X', SlackIds.MaxLength)}>"; break;
        }

        var response = await host.PostEventAsync(mention);

        await AssertRefusedAsync(response, field, before);
    }

    [Fact]
    public async Task CommandWithAnOversizedChannelId_Is400NamingIt_AndNothingIsStoredOrPosted()
    {
        var before = Counts();
        var response = await host.PostCommandAsync(new()
        {
            ["team_id"] = "T04CMTY7Q2N", ["channel_id"] = Oversized, ["user_id"] = "U03PRIYA9RM", ["command"] = "/cm", ["text"] = "help",
            ["response_url"] = host.Api.ResponseUrl(), ["trigger_id"] = "1.2.trig-long",
        });

        await AssertRefusedAsync(response, "channel_id", before);
    }

    [Fact]
    public async Task ButtonClickWithAnOversizedUserId_Is400NamingIt_AndNothingIsStoredOrPosted()
    {
        var before = Counts();
        var click = Samples.Json("slack-block-actions.json");
        click["user"]!["id"] = "U" + Oversized;

        var response = await host.PostInteractionAsync(click);

        await AssertRefusedAsync(response, "user.id", before);
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, string field, (int, int, int, int) before)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"{field} is longer than {SlackIds.MaxLength} characters", await response.Content.ReadAsStringAsync());
        Assert.Equal("1", response.Headers.GetValues("X-Slack-No-Retry").Single());
        Assert.Equal(before, Counts());
        await Task.Delay(200); // Time for a dispatcher pass, had anything been staged.
        Assert.Empty(host.Api.CallsTo("chat.postMessage"));
        Assert.Empty(host.Api.CallsTo("views.open"));
    }

    private (int, int, int, int) Counts() => host.Db(db => (
        db.ChannelConversations.Count(), db.InboxEntries.Count(), db.InboundDeliveries.Count(), db.OutboxMessages.Count()));
}
