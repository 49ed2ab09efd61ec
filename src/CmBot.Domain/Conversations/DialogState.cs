namespace CmBot.Domain.Conversations;

/// <summary>
/// Where a multi-turn dialog stands for one person in one conversation. Kept in the store so a
/// half-written draft survives a restart.
/// </summary>
public sealed class DialogState
{
    public int Id { get; set; }
    public required string Channel { get; set; }
    public required string ConversationId { get; set; }
    public required string UserId { get; set; }
    public required string Dialog { get; set; }
    public string Step { get; set; } = "";
    /// <summary>The answers so far.</summary>
    public Dictionary<string, string> Values { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
}
