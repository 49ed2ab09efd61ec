using System.Text.Json.Nodes;

namespace CmBot.Tests.Teams;

/// <summary>Builders for Teams-shaped activities, as in the samples (same bot, tenant and user).</summary>
public static class TeamsActivities
{
    public const string Bot = "28:8f4c2a91-3b6e-4d57-9a10-6c2e7f1b3d45";
    public const string Tenant = "5e1f0c3a-92d4-4b6e-8f17-2a9c4d6b8e01";
    public const string User = "29:1vQ8sR3tY7uI0oP2aS5dF9gH4jK6lZ1xC3vB7nM0qW2eR5tY8uI1oP4aS7dF0gH3jK6lZ9xC2vB5nM8qW1eR4t";
    public const string UserName = "Priya Raman";

    public static JsonObject Message(string serviceUrl, string text, string conversationId, string? id = null) =>
        Base("message", serviceUrl, conversationId, id, activity => activity["text"] = text);

    public static JsonObject Execute(string serviceUrl, string conversationId, string replyToId, string verb, JsonNode data) =>
        Base("invoke", serviceUrl, conversationId, null, activity =>
        {
            activity["name"] = "adaptiveCard/action";
            activity["replyToId"] = replyToId;
            activity["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = "manual",
            };
        });

    public static JsonObject Of(string type, string serviceUrl, string conversationId, Action<JsonObject>? more = null) =>
        Base(type, serviceUrl, conversationId, null, more ?? (_ => { }));

    private static JsonObject Base(string type, string serviceUrl, string conversationId, string? id, Action<JsonObject> more)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? "f:" + Guid.NewGuid(),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = User, ["name"] = UserName },
            ["recipient"] = new JsonObject { ["id"] = Bot, ["name"] = "Community Desk" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = Tenant },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
        };
        more(activity);
        return activity;
    }
}
