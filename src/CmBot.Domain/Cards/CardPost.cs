namespace CmBot.Domain.Cards;

/// <summary>One place a card was posted: the card's key and the platform's message id.</summary>
public sealed class CardPost
{
    public long Id { get; set; }
    public required string CardKey { get; set; }
    public required string Channel { get; set; }
    public required string ConversationId { get; set; }
    /// <summary>The thread the card was posted in, when the platform needs it to address the message again (Teams).</summary>
    public string? ThreadId { get; set; }
    public required string MessageId { get; set; }
    public DateTimeOffset PostedAt { get; set; }
}
