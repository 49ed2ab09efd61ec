using CmBot.Domain.Cards;
using CmBot.Domain.Conversations;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Delivery;

/// <summary>
/// Stages what must be sent in the caller's unit of work: the rows commit with the change that
/// caused them, or not at all. Call <see cref="OutboxSignal.Notify"/> after committing.
/// </summary>
/// <param name="sensitive">Seals secrets shown once; without it (an outbox made by hand) such a message is refused.</param>
public sealed class Outbox(CmBotDb db, TimeProvider clock, SensitiveContent? sensitive = null)
{
    private readonly SensitiveContent sealer = sensitive ?? new SensitiveContent(null);

    /// <summary>Texts and new cards go back where the input came from; new card states go everywhere the card was posted.</summary>
    public async Task EnqueueRepliesAsync(ChatAddress where, string? threadId, IEnumerable<BotReply> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            switch (reply)
            {
                case TextReply text: Post(where.Channel, where.ConversationId, threadId, new OutboundContent(text.Text, null) { Sensitive = text.Sensitive }); break;
                case CardReply card: Post(where.Channel, where.ConversationId, threadId, new OutboundContent(null, card.Card)); break;
                case CardUpdate update: await UpdateEverywhereAsync(update.Card, cancellationToken); break;
            }
        }
    }

    public OutboxMessage Post(string channel, string conversationId, string? threadId, OutboundContent content) =>
        Stage(channel, conversationId, threadId, LiveKey(content), sealer.Seal(content));

    /// <summary>Posts to every conversation linked to the brand (reminders, agenda, escalations).</summary>
    public async Task PostToBrandAsync(int brandId, OutboundContent content, CancellationToken cancellationToken)
    {
        var channels = await db.BrandChannels.Where(c => c.BrandId == brandId).ToListAsync(cancellationToken);
        // One card for every channel: serialized once, not once per channel (a brand may have a thousand).
        var json = sealer.Seal(content);
        foreach (var channel in channels) Stage(channel.Channel, channel.ConversationId, null, LiveKey(content), json);
    }

    /// <summary>The key under which the copy will be found and updated; none for a snapshot.</summary>
    private static string? LiveKey(OutboundContent content) => content.Card is { IsSnapshot: false } card ? card.Key : null;

    private OutboxMessage Stage(string channel, string conversationId, string? threadId, string? cardKey, string json)
    {
        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            Kind = OutboxKind.Post, Channel = channel, ConversationId = conversationId, ThreadId = threadId,
            CardKey = cardKey, Content = json, CreatedAt = now, NextAttemptAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>
    /// Every copy of the card shows its new state: an update per posted message, and posts not sent
    /// yet will carry the new state when they go.
    /// </summary>
    public async Task UpdateEverywhereAsync(Card card, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var content = new OutboundContent(null, card).ToJson();
        // Unsent posts first, copies second: a post recorded sent in between is then seen as a copy to update. One being
        // sent right now is rewritten too late for it; the dispatcher sends the new state after it (and moves its version
        // when recording it, so a rewrite read before that fails instead of being lost).
        var unsent = await db.OutboxMessages
            .Where(m => m.CardKey == card.Key && m.Kind == OutboxKind.Post && m.SentAt == null && !m.Failed)
            .ToListAsync(cancellationToken);
        var posts = await db.CardPosts.Where(p => p.CardKey == card.Key).ToListAsync(cancellationToken);
        foreach (var post in posts)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Kind = OutboxKind.Update, Channel = post.Channel, ConversationId = post.ConversationId, ThreadId = post.ThreadId, MessageId = post.MessageId,
                CardKey = card.Key, Content = content, CreatedAt = now, NextAttemptAt = now,
            });
        }
        foreach (var pending in unsent) pending.Content = content;
        foreach (var staged in db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
            if (staged.Kind == OutboxKind.Post && staged.CardKey == card.Key) staged.Content = content;
    }
}
