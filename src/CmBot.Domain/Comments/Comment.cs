using CmBot.Domain.Brands;

namespace CmBot.Domain.Comments;

/// <summary>A comment or private message on one of the brand's profiles.</summary>
public sealed class Comment
{
    public int Id { get; set; }
    public int BrandId { get; set; }
    public Network Network { get; set; }
    /// <summary>The network's own id, when known; makes a re-delivered comment a duplicate.</summary>
    public string? ExternalId { get; set; }
    public required string Author { get; set; }
    public required string Text { get; set; }
    public string? Permalink { get; set; }
    public bool IsPrivateMessage { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public bool NeedsReply { get; set; } = true;
    /// <summary>Received-at plus the brand's reply deadline, fixed on arrival.</summary>
    public DateTimeOffset DeadlineAt { get; set; }
    public bool IsUrgent { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public CommentState State { get; set; } = CommentState.Open;
    public string? AssignedToId { get; set; }
    public string? AssignedToName { get; set; }
    public string? HandledById { get; set; }
    public string? HandledByName { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public string? ReplyText { get; set; }
    public int Version { get; set; }
}
