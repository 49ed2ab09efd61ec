namespace CmBot.Domain.Conversations;

public sealed class ConversationOptions
{
    /// <summary>
    /// The brand a conversation with no linked brand falls back to. Set only in development (to the demo
    /// brand), so the first message in a chat client already does something.
    /// </summary>
    public string? FallbackBrand { get; set; }
}
