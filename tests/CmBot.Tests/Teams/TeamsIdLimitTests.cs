using System.Net;
using System.Text.Json.Nodes;
using CmBot.Teams.Inbound;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Tests.Teams;

/// <summary>Ids no Teams activity carries are refused at the door, before the store or the connector hears of them.</summary>
public sealed class TeamsIdLimitTests
{
    private const string Chat = "a:1Lw3personalChatWithPriya";
    private static readonly string Oversized = "a:1" + new string('x', TeamsActivity.MaxIdLength);

    public static TheoryData<string> Fields => ["conversation.id", "from.id", "id", "channelData.team.id", "entities[].mentioned.id"];

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task MessageWithAnOversizedId_Is400NamingIt_AndNothingIsStoredOrSent(string field)
    {
        await using var host = await TeamsTestHost.StartAsync();
        var before = await CountsAsync(host);
        var message = TeamsActivities.Message(host.ServiceUrl, "help", Chat);
        switch (field)
        {
            case "conversation.id": message["conversation"]!["id"] = Oversized; break;
            case "from.id": message["from"]!["id"] = Oversized; break;
            case "id": message["id"] = Oversized; break;
            case "channelData.team.id": message["channelData"]!["team"] = new JsonObject { ["id"] = Oversized }; break;
            case "entities[].mentioned.id":
                message["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>Ana</at>", ["mentioned"] = new JsonObject { ["id"] = Oversized } });
                break;
        }

        var response = await host.PostAsync(message);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"{field} is longer than {TeamsActivity.MaxIdLength} characters", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountsAsync(host));
        await Task.Delay(200); // Time for a dispatcher pass, had anything been staged.
        Assert.DoesNotContain(host.Connector.Activities, c => c.Method is "POST" or "PUT");
    }

    [Fact]
    public async Task ConversationIdOfExactlyTheLimit_IsAnswered()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var longest = "a:1" + new string('x', TeamsActivity.MaxIdLength - 3);

        var response = await host.PostAsync(TeamsActivities.Message(host.ServiceUrl, "help", longest));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.Connector.WaitForAsync(c => c.Method == "POST" && c.RawTarget.Contains(Uri.EscapeDataString(longest)));
    }

    private static Task<(int, int, int, int)> CountsAsync(TeamsTestHost host) => host.InStoreAsync(async db => (
        await db.ChannelConversations.CountAsync(), await db.InboxEntries.CountAsync(),
        await db.InboundDeliveries.CountAsync(), await db.OutboxMessages.CountAsync()));
}
