using CmBot.Domain.Cards;
using CmBot.Domain.Brands;
using CmBot.Domain.Comments;
using CmBot.Domain.Common;
using CmBot.Domain.Delivery;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Reminders;

/// <summary>
/// The comment deadlines, looked at every minute: with 15 minutes left, one reminder and the card refreshed
/// to its warning state; at the deadline, the card refreshed to overdue everywhere and the on-duty people
/// called, once. Each mark is claimed by a conditional update in the same transaction as its outbox rows,
/// so two instances, or a re-run after a crash, post it once. Urgent comments are escalated at once on
/// arrival by <see cref="CommentIntake.Announce"/> (their <see cref="Comment.EscalatedAt"/> is set then).
/// </summary>
public sealed class CommentDeadlineWatch(IServiceScopeFactory scopes, OutboxSignal outboxSignal, TimeProvider clock, IOptions<ReminderOptions> options)
{
    /// <returns>How many comments were reminded or declared overdue.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        var now = clock.GetUtcNow();
        var warnFrom = now + options.Value.CommentWarningBefore;
        var overdue = await db.Comments.Where(c => c.State == CommentState.Open && c.NeedsReply && c.DeadlineAt <= now && c.OverdueNotifiedAt == null)
            .OrderBy(c => c.DeadlineAt).Select(c => c.Id).ToListAsync(cancellationToken);
        var closing = await db.Comments.Where(c => c.State == CommentState.Open && c.NeedsReply && c.DeadlineAt > now && c.DeadlineAt <= warnFrom && c.ReminderSentAt == null)
            .OrderBy(c => c.DeadlineAt).Select(c => c.Id).ToListAsync(cancellationToken);
        var done = 0;
        foreach (var id in overdue) done += await ClaimAndPostAsync(db, id, now, overdue: true, cancellationToken) ? 1 : 0;
        foreach (var id in closing) done += await ClaimAndPostAsync(db, id, now, overdue: false, cancellationToken) ? 1 : 0;
        if (done > 0) outboxSignal.Notify();
        return done;
    }

    private async Task<bool> ClaimAndPostAsync(CmBotDb db, int id, DateTimeOffset now, bool overdue, CancellationToken cancellationToken)
    {
        DateTimeOffset? when = now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = overdue
            ? await db.Comments.Where(c => c.Id == id && c.State == CommentState.Open && c.OverdueNotifiedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.OverdueNotifiedAt, when), cancellationToken)
            : await db.Comments.Where(c => c.Id == id && c.State == CommentState.Open && c.ReminderSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReminderSentAt, when), cancellationToken);
        if (claimed == 0) return false; // Replied meanwhile, or another instance got there first.
        var comment = await db.Comments.AsNoTracking().FirstAsync(c => c.Id == id, cancellationToken);
        var brand = await db.Brands.AsNoTracking().Include(b => b.Members).FirstAsync(b => b.Id == comment.BrandId, cancellationToken);
        var time = brand.Time(clock);
        var outbox = new Outbox(db, clock);
        await outbox.UpdateEverywhereAsync(CommentCard.Build(comment, brand, time), cancellationToken);
        await outbox.PostToBrandAsync(brand.Id, overdue ? Overdue(comment, brand) : Closing(comment, brand, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }

    private static OutboundContent Closing(Comment comment, Brand brand, DateTimeOffset now)
    {
        var left = Phrasing.Duration(comment.DeadlineAt - now, brand.Language);
        var kind = Kind(comment, brand.Language);
        return new OutboundContent(brand.Language.Pick(
            $"⏰ {left} left to reply to {comment.Author}'s {kind} on {comment.Network} (comment {comment.Id}).",
            $"⏰ Plus que {left} pour répondre au {kind} de {comment.Author} sur {comment.Network} (commentaire {comment.Id})."), null);
    }

    private static OutboundContent Overdue(Comment comment, Brand brand)
    {
        var onDuty = brand.Members.Where(m => m.IsOnDuty).Select(m => new ChatUser(m.UserId, m.Name)).ToList();
        var who = onDuty.Count > 0
            ? string.Join(", ", onDuty.Select(u => "@" + u.Name))
            : brand.Language.Pick($"Nobody is on duty for {brand.Name}, so anyone", $"Personne n'est d'astreinte pour {brand.Name}, donc n'importe qui");
        var kind = Kind(comment, brand.Language);
        return new OutboundContent(brand.Language.Pick(
            $"🔴 The reply to {comment.Author}'s {kind} on {comment.Network} is overdue (comment {comment.Id}). {who}: please take it.",
            $"🔴 La réponse au {kind} de {comment.Author} sur {comment.Network} est en retard (commentaire {comment.Id}). {who} : merci de le prendre."), null)
        {
            Mentions = onDuty,
        };
    }

    private static string Kind(Comment comment, Language language) => comment.IsPrivateMessage
        ? language.Pick("private message", "message privé")
        : language.Pick("comment", "commentaire");
}
