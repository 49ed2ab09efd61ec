namespace CmBot.Domain.Channels;

/// <summary>
/// A conversation the bot was added to, with what a platform needs to write there later (a Teams
/// serviceUrl and tenant, a Slack workspace). Refreshed from every authenticated inbound request.
/// </summary>
public sealed class ChannelConversation
{
    public int Id { get; set; }
    /// <summary>"teams" or "slack".</summary>
    public required string Channel { get; set; }
    public required string ConversationId { get; set; }
    /// <summary>"personal", "groupChat", "channel" (Teams); "im", "channel" (Slack).</summary>
    public string? Kind { get; set; }
    public string? Name { get; set; }
    /// <summary>Teams: the connector base URL learned from an authenticated activity.</summary>
    public string? ServiceUrl { get; set; }
    public string? TenantId { get; set; }
    /// <summary>Teams team id, or Slack workspace (team) id.</summary>
    public string? TeamId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}
