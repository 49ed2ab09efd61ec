using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Demo;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Tests.Teams;

/// <summary>Conversations through /api/messages, the outbox and the fake connector.</summary>
public sealed class TeamsConversationTests
{
    private const string Chat = "a:1Lw3personalChatWithPriya";

    [Fact]
    public async Task Help_PostsTheHelpCardToTheConnector()
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.PostAsync(TeamsActivities.Message(host.ServiceUrl, "help", Chat));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = await host.Connector.WaitForAsync(c => c.Method == "POST");
        Assert.Equal($"/emea/v3/conversations/{Uri.EscapeDataString(Chat)}/activities", post.RawTarget);
        var card = JsonNode.Parse(post.Body)!["attachments"]![0]!["content"]!;
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Contains("brouillons", card.ToJsonString()); // The demo brand speaks French.
        Assert.Null(post.Authorization); // Local development mode sends no token.
    }

    [Fact]
    public async Task ApproveInvoke_AnswersWithTheApprovedCard_AndUpdatesThePostedCopy()
    {
        await using var host = await TeamsTestHost.StartAsync();
        await host.InStoreAsync(async db =>
        {
            (await db.Brands.SingleAsync(b => b.Name == DemoData.BrandName)).Language = Language.En;
            return await db.SaveChangesAsync();
        });
        await host.PostAsync(TeamsActivities.Message(host.ServiceUrl, "drafts", Chat));
        var posted = await host.Connector.WaitForAsync(c => c.Method == "POST" && c.Body.Contains("draft.approve"));
        await host.UntilAsync(db => db.CardPosts.AnyAsync());
        var messageId = await host.InStoreAsync(db => db.CardPosts.OrderBy(p => p.Id).Select(p => p.MessageId).FirstAsync());
        var approve = FindExecute(JsonNode.Parse(posted.Body)!, "draft.approve");

        var response = await host.PostAsync(TeamsActivities.Execute(host.ServiceUrl, Chat, messageId, "draft.approve", approve["data"]!.DeepClone()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)answer["type"]);
        Assert.Contains($"Approved by {TeamsActivities.UserName}", answer["value"]!.ToJsonString());
        var put = await host.Connector.WaitForAsync(c => c.Method == "PUT");
        Assert.Equal($"/emea/v3/conversations/{Uri.EscapeDataString(Chat)}/activities/{messageId}", put.RawTarget);
        Assert.Contains($"Approved by {TeamsActivities.UserName}", put.Body);
    }

    [Fact]
    public async Task SubmitFallback_ActsLikeTheExecuteButton_AndUpdatesThePostedCopy()
    {
        await using var host = await TeamsTestHost.StartAsync();
        await host.PostAsync(TeamsActivities.Message(host.ServiceUrl, "drafts", Chat));
        var posted = await host.Connector.WaitForAsync(c => c.Method == "POST" && c.Body.Contains("draft.approve"));
        await host.UntilAsync(db => db.CardPosts.AnyAsync());
        var messageId = await host.InStoreAsync(db => db.CardPosts.OrderBy(p => p.Id).Select(p => p.MessageId).FirstAsync());
        var submit = FindExecute(JsonNode.Parse(posted.Body)!, "draft.approve")["fallback"]!;
        var message = TeamsActivities.Of("message", host.ServiceUrl, Chat, a =>
        {
            a["replyToId"] = messageId;
            a["value"] = submit["data"]!.DeepClone();
        });

        var response = await host.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var put = await host.Connector.WaitForAsync(c => c.Method == "PUT");
        Assert.EndsWith($"/activities/{messageId}", put.RawTarget);
        Assert.Contains($"par {TeamsActivities.UserName}", put.Body); // "Approuvé par …": the demo brand speaks French.
    }

    [Fact]
    public async Task Throttled_ThenAccepted_PostsOneMessage_AtTheRegionalEscapedAddress()
    {
        await using var host = await TeamsTestHost.StartAsync(prepare: c => c.Script(429, "1", """{"error":{"code":"Throttled","message":"slow down"}}"""));
        var thread = "19:abc@thread.tacv2;messageid=1778491234567";

        await host.PostAsync(TeamsActivities.Message(host.ServiceUrl, "help", thread));

        var accepted = await host.Connector.WaitForAsync(c => c.Method == "POST" && c.Status == 201);
        Assert.Equal("/emea/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1778491234567/activities", accepted.RawTarget);
        await Task.Delay(1500);
        Assert.Equal([429, 201], host.Connector.Calls.Select(c => c.Status));
        Assert.Equal(1, await host.InStoreAsync(db => db.OutboxMessages.CountAsync(m => m.SentAt != null)));
    }

    [Fact]
    public async Task SameActivityTwice_IsProcessedOnce()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var message = TeamsActivities.Message(host.ServiceUrl, "help", Chat, id: "1778491234999");

        var first = await host.PostAsync(message);
        var second = await host.PostAsync(message);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        // Messages are handled after the ack: wait until the inbox has nothing left to handle.
        await host.UntilAsync(async db => await db.InboxEntries.AnyAsync() && !await db.InboxEntries.AnyAsync(e => e.ProcessedAt == null && !e.Failed));
        // The inbox entry, keyed by the activity id, is the delivery's record.
        Assert.Equal(["teams:1778491234999"], await host.InStoreAsync(db => db.InboxEntries.Select(e => e.Key).ToListAsync()));
        await host.Connector.WaitForAsync(c => c.Method == "POST");
        await Task.Delay(700); // room for a wrong second reply to show up
        Assert.Single(host.Connector.Calls, c => c.Method == "POST");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{"id":"1"}""")]
    [InlineData("""{"type":""}""")]
    public async Task MalformedBody_Is400(string body)
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DeeplyNestedBody_Is400_HugeBody_Is413()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var deep = """{"type":"message","value":""" + new string('[', 200) + new string(']', 200) + "}";
        var huge = """{"type":"message","text":" """ + new string('x', 300 * 1024) + "\"}";

        var responses = new[] { await host.PostRawAsync(deep), await host.PostRawAsync(huge) };

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge), (responses[0].StatusCode, responses[1].StatusCode));
    }

    [Fact]
    public async Task UnknownTypesAndReactions_Get200AndNothingElse()
    {
        await using var host = await TeamsTestHost.StartAsync();

        var reaction = await host.PostAsync(TeamsActivities.Of("messageReaction", host.ServiceUrl, Chat, a => a["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" })));
        var unknown = await host.PostAsync(TeamsActivities.Of("somethingNew", host.ServiceUrl, Chat));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (reaction.StatusCode, unknown.StatusCode));
        Assert.Equal(0, await host.InStoreAsync(db => db.OutboxMessages.CountAsync()));
    }

    [Fact]
    public async Task InstallationUpdateRemove_ForgetsTheConversationAndItsBrandLink()
    {
        await using var host = await TeamsTestHost.StartAsync();
        await host.PostAsync(TeamsActivities.Of("installationUpdate", host.ServiceUrl, Chat, a => a["action"] = "add"));
        await host.Connector.WaitForAsync(c => c.Method == "POST" && c.Body.Contains("brand link"));
        await host.InStoreAsync(async db =>
        {
            var brand = await db.Brands.SingleAsync();
            db.BrandChannels.Add(new BrandChannel { BrandId = brand.Id, Channel = "teams", ConversationId = Chat, LinkedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        var response = await host.PostAsync(TeamsActivities.Of("installationUpdate", host.ServiceUrl, Chat, a => a["action"] = "remove"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await host.InStoreAsync(db => db.ChannelConversations.AnyAsync()));
        Assert.False(await host.InStoreAsync(db => db.BrandChannels.AnyAsync()));
    }

    [Fact]
    public async Task WithAnAppId_RepliesCarryTheConnectorToken()
    {
        var key = new TestSigningKey("key-1");
        await using var host = await TeamsTestHost.StartAsync(withAppId: true, c => c.Jwks = TestSigningKey.Jwks(key.Jwk("msteams")));

        await host.PostAsync(TeamsActivities.Message(host.ServiceUrl, "help", Chat), key.Token(host.ServiceUrl));

        var post = await host.Connector.WaitForAsync(c => c.Method == "POST");
        Assert.Equal("Bearer " + TeamsTestHost.StubToken, post.Authorization);
    }

    private static JsonNode FindExecute(JsonNode node, string verb) => Walk(node).First(n => (string?)n["type"] == "Action.Execute" && (string?)n["verb"] == verb);

    private static IEnumerable<JsonObject> Walk(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Walk(p.Value))),
        JsonArray a => a.SelectMany(Walk),
        _ => [],
    };
}
