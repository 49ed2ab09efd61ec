using CmBot.Domain.Cards;
using CmBot.Domain.Delivery;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Slack;

/// <summary>
/// The card a Slack message shows, as the outbox last wrote it: the message's ts finds the card's key (CardPost),
/// the key its newest content. A form is then opened with the card's current inputs, which may be longer than a
/// button's value could carry.
/// </summary>
public sealed class SlackCardLookup(CmBotDb db)
{
    public async Task<Card?> FindAsync(string channelId, string messageTs, CancellationToken cancellationToken)
    {
        var key = await db.CardPosts.AsNoTracking()
            .Where(p => p.Channel == SlackTokens.Channel && p.ConversationId == channelId && p.MessageId == messageTs)
            .Select(p => p.CardKey)
            .FirstOrDefaultAsync(cancellationToken);
        if (key is null) return null;
        var content = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.CardKey == key && m.Kind != OutboxKind.Delete)
            .OrderByDescending(m => m.Id)
            .Select(m => m.Content)
            .FirstOrDefaultAsync(cancellationToken);
        return content is null ? null : OutboundContent.FromJson(content).Card;
    }

    /// <summary>The button clicked: the same verb at the same position, else the first with that verb.</summary>
    public static CardAction? ActionOf(Card card, string verb, int position)
    {
        var all = card.AllActions.ToList();
        return position >= 0 && position < all.Count && all[position].Verb == verb ? all[position] : all.FirstOrDefault(a => a.Verb == verb);
    }
}
