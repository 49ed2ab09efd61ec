namespace CmBot.Domain.Brands;

/// <summary>A chat conversation where a brand's cards go (a Teams channel, a Slack channel, a test room).</summary>
public sealed class BrandChannel
{
    public int Id { get; set; }
    public int BrandId { get; set; }
    /// <summary>"teams", "slack" or "test".</summary>
    public required string Channel { get; set; }
    public required string ConversationId { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
}
