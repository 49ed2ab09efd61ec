using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CmBot.Domain.Channels;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Tests.Teams;

/// <summary>Each documented sample activity handled as teams.md says, with the replies reaching the fake connector.</summary>
public sealed class TeamsSampleTests
{
    private const string Channel = "19:7c1e5a9b3d2f4e6a8b0c1d2e3f4a5b6c@thread.tacv2";
    private const string Team = "19:2b4d6f8a0c1e3a5b7d9f1a3c5e7b9d0f@thread.tacv2";

    [Fact]
    public async Task ChannelMessageMention_AnswersInTheThread_AndRemembersTheChannel()
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.PostAsync(host.Sample("teams-channel-message-mention.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var thread = Uri.EscapeDataString(Channel + ";messageid=1778491234567");
        var post = await host.Connector.WaitForAsync(c => c.Method == "POST");
        Assert.Equal($"/emea/v3/conversations/{thread}/activities", post.RawTarget);
        var body = JsonNode.Parse(post.Body)!;
        Assert.Null(body["text"]);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["attachments"]![0]!["contentType"]);
        var reference = await Reference(host, Channel);
        Assert.Equal((host.ServiceUrl, "channel", Team, "5e1f0c3a-92d4-4b6e-8f17-2a9c4d6b8e01"),
            (reference.ServiceUrl, reference.Kind, reference.TeamId, reference.TenantId));
    }

    [Fact]
    public async Task ActionSubmit_IsAClick_AndTheAnswerGoesToTheThread()
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.PostAsync(host.Sample("teams-action-submit-message.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The sample's data names no CmBot verb ("action": "approve"): the domain says the button is not one of its own.
        var post = await host.Connector.WaitForAsync(c => c.Method == "POST");
        Assert.Equal($"/emea/v3/conversations/{Uri.EscapeDataString(Channel + ";messageid=1778491330118")}/activities", post.RawTarget);
        var body = JsonNode.Parse(post.Body)!;
        Assert.Null(body["attachments"]);
        Assert.Contains("bouton", (string?)body["text"]);
    }

    [Fact]
    public async Task InvokeExecute_IsAnsweredInTheHttpResponse()
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.PostAsync(host.Sample("teams-invoke-adaptivecard-action.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, answer.RootElement.GetProperty("statusCode").GetInt32());
        // Its draft id is not one of the store's (the demo brand speaks French): the card stays, the refusal shows under it.
        Assert.Equal("application/vnd.microsoft.activity.message", answer.RootElement.GetProperty("type").GetString());
        Assert.Contains("introuvable", answer.RootElement.GetProperty("value").GetString());
    }

    [Fact]
    public async Task BotAddedToTeam_RemembersTheChannel_AndPostsOneWelcomeCardThere()
    {
        await using var host = await TeamsTestHost.StartAsync();

        var response = await host.PostAsync(host.Sample("teams-conversationupdate-bot-added-to-team.json"));
        var again = await host.PostAsync(host.Sample("teams-conversationupdate-bot-added-to-team.json"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (response.StatusCode, again.StatusCode));
        var post = await host.Connector.WaitForAsync(c => c.Method == "POST");
        Assert.Equal($"/emea/v3/conversations/{Uri.EscapeDataString(Channel)}/activities", post.RawTarget);
        Assert.Contains("brand link", post.Body);
        var reference = await Reference(host, Channel);
        Assert.Equal(("community-drafts", Team), (reference.Name, reference.TeamId));
        await Task.Delay(1500);
        Assert.Single(host.Connector.Calls);
    }

    private static Task<ChannelConversation> Reference(TeamsTestHost host, string id) =>
        host.InStoreAsync(db => db.ChannelConversations.SingleAsync(c => c.Channel == "teams" && c.ConversationId == id));
}
