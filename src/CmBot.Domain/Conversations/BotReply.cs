using CmBot.Domain.Cards;

namespace CmBot.Domain.Conversations;

/// <summary>What the bot answers: plain text, a new card, or a new state for a card already posted.</summary>
public abstract record BotReply
{
    public static BotReply Say(string text) => new TextReply(text);

    /// <summary>Text holding a secret shown once (an API key, a signing secret): delivered, then wiped from the store.</summary>
    public static BotReply SayOnce(string text) => new TextReply(text) { Sensitive = true };
    public static BotReply Show(Card card) => new CardReply(card);
    public static BotReply Refresh(Card card) => new CardUpdate(card);
}

public sealed record TextReply(string Text) : BotReply
{
    public bool Sensitive { get; init; }
}

/// <summary>Post this card here as a new message.</summary>
public sealed record CardReply(Card Card) : BotReply;

/// <summary>Every posted copy of <c>Card.Key</c> now shows this card (the clicked one included).</summary>
public sealed record CardUpdate(Card Card) : BotReply;
