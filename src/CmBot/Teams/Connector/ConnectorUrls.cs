namespace CmBot.Teams.Connector;

/// <summary>
/// Connector REST addresses (teams.md §3.2): the serviceUrl's path (`/emea/`, `/amer/`…) is kept by appending,
/// never by resolving a rooted path, and ids are escaped (conversation ids hold `:`, `@`, `;` and `=`).
/// </summary>
public static class ConnectorUrls
{
    public static string Activities(string serviceUrl, string conversationId) =>
        $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";

    public static string Activity(string serviceUrl, string conversationId, string activityId) =>
        $"{Activities(serviceUrl, conversationId)}/{Uri.EscapeDataString(activityId)}";
}
