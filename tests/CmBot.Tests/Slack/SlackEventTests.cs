using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CmBot.Tests.Slack;

/// <summary>Events API: the handshake, mentions and DMs to the conversation layer (posted back through the outbox), and what is ignored.</summary>
public sealed class SlackEventTests : IAsyncLifetime
{
    private SlackHost host = null!;

    public async Task InitializeAsync() => host = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task UrlVerification_Sample_AnswersTheChallenge()
    {
        var response = await host.PostSignedAsync("/slack/events", Samples.Read("slack-url-verification.json"), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("h7JkP2mQ9rT4vX6zB8dF1gH3jL5nR7tV9xZ2cE4fG6hJ8kM0pS", body.RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task AppMention_Sample_IsAckedEmptyAndAnsweredInItsThread()
    {
        var response = await host.PostSignedAsync("/slack/events", Samples.Read("slack-event-app-mention.json"), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        var post = Assert.Single(await host.Api.WaitForAsync("chat.postMessage"));
        Assert.Equal("Bearer " + SlackHost.BotToken, post.Authorization);
        Assert.StartsWith("application/json", post.ContentType);
        Assert.Equal("C05DRAFTS01", post.Json.GetProperty("channel").GetString());
        Assert.Equal("1778491234.004100", post.Json.GetProperty("thread_ts").GetString());
        Assert.False(string.IsNullOrWhiteSpace(post.Json.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task AppMention_Help_PostsTheHelpCardAsBlocks()
    {
        await host.PostEventAsync(SlackHost.Mention("help", "Ev0HELP0001"));

        var post = Assert.Single(await host.Api.WaitForAsync("chat.postMessage"));
        var blocks = post.Json.GetProperty("blocks");
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        // The help lists the commands, in the demo brand's French.
        Assert.Contains(blocks.EnumerateArray(), b => b.TryGetProperty("text", out var t) && t.GetProperty("text").GetString()!.Contains("`chiffres"));
        // A snapshot: nothing will ever update it, so its copy is not remembered.
        Assert.Equal(0, host.Db(db => db.CardPosts.Count(p => p.Channel == "slack" && p.ConversationId == "C05DRAFTS01")));
    }

    [Fact]
    public async Task RetriedEvent_SameEventId_IsProcessedOnce()
    {
        var mention = SlackHost.Mention("help", "Ev0RETRY001");
        var first = await host.PostEventAsync(mention);
        var retry = await host.PostEventAsync(mention, retryNum: 1);
        var again = await host.PostEventAsync(mention, retryNum: 2);

        Assert.All([first, retry, again], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await host.Api.WaitForAsync("chat.postMessage");
        await Task.Delay(700); // room for a wrong second post to show up
        Assert.Single(host.Api.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task DirectMessage_GoesToTheConversationLayerAndIsAnsweredInTheDm()
    {
        var body = Samples.Json("slack-event-app-mention.json");
        body["event_id"] = "Ev0DM000001";
        body["event"] = new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "im", ["channel"] = "D0CMBOTDM01", ["user"] = "U03PRIYA9RM",
            ["text"] = "help", ["ts"] = "1778491300.000100", ["event_ts"] = "1778491300.000100",
        };

        await host.PostEventAsync(body);

        var post = Assert.Single(await host.Api.WaitForAsync("chat.postMessage"));
        Assert.Equal("D0CMBOTDM01", post.Json.GetProperty("channel").GetString());
        Assert.False(post.Json.TryGetProperty("thread_ts", out _));
        Assert.Equal("im", host.Db(db => db.ChannelConversations.Single(c => c.ConversationId == "D0CMBOTDM01").Kind));
        Assert.Equal("T04CMTY7Q2N", host.Db(db => db.ChannelConversations.Single(c => c.ConversationId == "D0CMBOTDM01").TeamId));
    }

    [Theory]
    [InlineData("subtype", "message_changed")]
    [InlineData("subtype", "bot_message")]
    [InlineData("bot_id", "B0OTHERBOT1")]
    [InlineData("user", FakeSlackApi.BotUserId)]
    [InlineData("hidden", "true")]
    public async Task Message_FromBotsEditsOrHidden_IsIgnored(string field, string value)
    {
        var body = Samples.Json("slack-event-app-mention.json");
        var eventId = "Ev0IGN" + field + value.Length;
        body["event_id"] = eventId;
        var inner = new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "im", ["channel"] = "D0CMBOTDM01", ["user"] = "U03PRIYA9RM",
            ["text"] = "help", ["ts"] = "1778491300.000200",
        };
        inner[field] = field == "hidden" ? JsonValue.Create(true) : JsonValue.Create(value);
        body["event"] = inner;

        var response = await host.PostEventAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(host.Db(db => db.InboundDeliveries.Any(d => d.Key == "slack:" + eventId)));
        Assert.Equal(0, host.Db(db => db.OutboxMessages.Count()));
    }

    [Fact]
    public async Task Message_InAChannel_IsLeftToTheMentionEvent()
    {
        var body = SlackHost.Mention("help", "Ev0CHANMSG1");
        body["event"]!["type"] = "message";
        body["event"]!["channel_type"] = "channel";

        await host.PostEventAsync(body);

        Assert.Equal(0, host.Db(db => db.OutboxMessages.Count()));
    }

    [Fact]
    public async Task BodyOfATypeSlackAddedLater_IsAcked()
    {
        var response = await host.PostEventAsync(new JsonObject { ["type"] = "app_deleted_someday", ["team_id"] = "T04CMTY7Q2N" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AppHomeOpened_PublishesTheHomeOfThatPerson()
    {
        var body = Samples.Json("slack-event-app-mention.json");
        body["event_id"] = "Ev0HOME0001";
        body["event"] = new JsonObject { ["type"] = "app_home_opened", ["user"] = "U03PRIYA9RM", ["channel"] = "D0CMBOTDM01", ["tab"] = "home" };

        var response = await host.PostEventAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var publish = Assert.Single(await host.Api.WaitForAsync("views.publish"));
        Assert.Equal("U03PRIYA9RM", publish.Json.GetProperty("user_id").GetString());
        var view = publish.Json.GetProperty("view");
        Assert.Equal("home", view.GetProperty("type").GetString());
        Assert.InRange(view.GetProperty("blocks").GetArrayLength(), 1, 100);
        // The demo brand (anyone approves) has pending drafts and open comments with deadlines.
        Assert.Contains("Brouillon", view.GetRawText());
        Assert.Contains("Marc Dupont", view.GetRawText());
    }
}
