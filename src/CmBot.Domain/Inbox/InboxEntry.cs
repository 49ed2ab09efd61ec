namespace CmBot.Domain.Inbox;

/// <summary>
/// An input accepted from a platform and not necessarily handled yet. Written before the platform gets its
/// 200, so nothing acknowledged is lost; handled afterwards, in order, by the <see cref="InboxProcessor"/>.
/// </summary>
public sealed class InboxEntry
{
    public long Id { get; set; }
    /// <summary>The delivery id ("teams:…", "slack:…"): a second delivery of the same input is not written twice.</summary>
    public required string Key { get; set; }
    /// <summary>
    /// Where the input was said ("teams:19:abc…", see <see cref="ConversationOf"/>): a conversation's inputs are handled
    /// in the order they came, whichever instance or lane holds them. Null on entries written before it was kept.
    /// </summary>
    public string? Conversation { get; set; }
    /// <summary>The normalized <see cref="Conversations.ChatInput"/>, as JSON.</summary>
    public required string Input { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>Which processor holds the entry until <see cref="LockedUntil"/>; others leave it alone.</summary>
    public string? LockedBy { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public bool Failed { get; set; }
    public string? LastError { get; set; }

    public static string ConversationOf(Conversations.ChatAddress where) => $"{where.Channel}:{where.ConversationId}";
}
