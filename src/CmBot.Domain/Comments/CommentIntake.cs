using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Comments;

/// <summary>
/// The one way comments come in, whatever the source: stored once (a comment re-delivered with the same
/// network id is recognised), then announced with its card, and an urgent one with a call to whoever is on duty.
/// </summary>
public static class CommentIntake
{
    /// <param name="brand">The brand with its members loaded, so the on-duty people can be named.</param>
    public static async Task<CommentArrival> ReceiveAsync(CmBotDb db, Brand brand, IncomingComment incoming, TimeProvider clock,
        CancellationToken cancellationToken = default)
    {
        if (await FindAsync(db, brand, incoming, cancellationToken) is { } known) return new(known, false, []);
        var comment = Comment.Receive(brand, incoming.Network, incoming.Author, incoming.Text, incoming.Permalink,
            incoming.ReceivedAt, incoming.ExternalId, incoming.IsPrivate, incoming.NeedsReply);
        db.Comments.Add(comment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (comment.ExternalId is not null)
        {
            // The same delivery raced us through another instance: its row won the unique index.
            db.Entry(comment).State = EntityState.Detached;
            if (await FindAsync(db, brand, incoming, cancellationToken) is { } raced) return new(raced, false, []);
            throw;
        }
        return new(comment, true, Announce(comment, brand, brand.Time(clock)));
    }

    /// <summary>What to post for a comment that just arrived: its card, and for an urgent one a call to the on-duty people.</summary>
    public static IReadOnlyList<BotReply> Announce(Comment comment, Brand brand, BrandTime time)
    {
        var card = BotReply.Show(CommentCard.Build(comment, brand, time));
        if (!comment.IsUrgent) return [card];
        var language = brand.Language;
        var onDuty = brand.Members.Where(m => m.IsOnDuty).Select(m => "@" + m.Name).ToList();
        var word = AlertWordMatcher.FirstMatch(comment.Text, brand.AlertWords) ?? "";
        var who = onDuty.Count > 0
            ? string.Join(", ", onDuty)
            : language.Pick("Nobody is on duty for " + brand.Name + ", so anyone", "Personne n'est d'astreinte pour " + brand.Name + ", donc n'importe qui");
        return
        [
            card,
            BotReply.Say(language.Pick(
                $"🚨 Urgent {comment.Network} comment from {comment.Author} mentions \"{word}\". {who}: please look at it now.",
                $"🚨 Commentaire urgent sur {comment.Network} de {comment.Author}, il mentionne « {word} ». {who} : merci de le regarder tout de suite.")),
        ];
    }

    private static Task<Comment?> FindAsync(CmBotDb db, Brand brand, IncomingComment incoming, CancellationToken cancellationToken) =>
        incoming.ExternalId is not { } externalId || string.IsNullOrWhiteSpace(externalId)
            ? Task.FromResult<Comment?>(null)
            : db.Comments.FirstOrDefaultAsync(
                c => c.BrandId == brand.Id && c.Network == incoming.Network && c.ExternalId == externalId.Trim(), cancellationToken);
}
