namespace CmBot.Domain.Delivery;

/// <summary>
/// One message to send, written in the same transaction as the change that caused it and sent
/// afterwards by the dispatcher: a crash or a 429 delays it, never drops or doubles it.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public OutboxKind Kind { get; set; }
    public required string Channel { get; set; }
    public required string ConversationId { get; set; }
    /// <summary>The thread to post in (a Slack thread_ts); null posts at the top level.</summary>
    public string? ThreadId { get; set; }
    /// <summary>The platform's id of the message to update or delete; for a post, filled once sent.</summary>
    public string? MessageId { get; set; }
    /// <summary>The card this message shows, so later states of the card find every copy.</summary>
    public string? CardKey { get; set; }
    /// <summary><see cref="OutboundContent"/> as JSON.</summary>
    public required string Content { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>Which dispatcher pass holds the message until <see cref="LockedUntil"/>; others leave it alone.</summary>
    public string? LockedBy { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Given up: the platform refused it for good, or every retry failed.</summary>
    public bool Failed { get; set; }
    public string? LastError { get; set; }
    public int Version { get; set; }
}
