using CmBot.Domain.Brands;
using CmBot.Domain.Comments;
using CmBot.Domain.Conversations;
using CmBot.Domain.Delivery;
using CmBot.Domain.Store;

namespace CmBot.Domain.Integrations;

/// <summary>
/// A comment from outside (REST API, Meta webhook) taken in through <see cref="CommentIntake"/>, with its card
/// staged for every conversation of the brand in the same transaction: a crash leaves neither a comment without
/// its card nor a card without its comment. The caller calls <see cref="OutboxSignal.Notify"/> after committing.
/// </summary>
public static class CommentInbox
{
    /// <param name="brand">With its members loaded: an urgent comment calls the on-duty people by name.</param>
    public static async Task<CommentArrival> TakeAsync(CmBotDb db, Brand brand, IncomingComment incoming, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Inside the caller's transaction (an idempotent API request) or in one of its own.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var arrival = await CommentIntake.ReceiveAsync(db, brand, incoming, clock, cancellationToken);
        var outbox = new Outbox(db, clock);
        foreach (var reply in arrival.Replies)
        {
            OutboundContent? content = reply switch
            {
                CardReply card => new(null, card.Card),
                TextReply text => new(text.Text, null),
                _ => null,
            };
            if (content is not null) await outbox.PostToBrandAsync(brand.Id, content, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        if (own is not null) await own.CommitAsync(cancellationToken);
        return arrival;
    }
}
