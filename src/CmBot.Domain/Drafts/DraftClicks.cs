using CmBot.Domain.Cards;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Drafts;

/// <summary>
/// What every draft click goes through: find the draft within the conversation's brand only, refuse a click
/// made on an older revision, and save so that of two simultaneous decisions one wins and the other hears who.
/// </summary>
internal static class DraftClicks
{
    /// <summary>The draft the click names, if it belongs to this conversation's brand; any other is "not found".</summary>
    public static async Task<Draft> LoadAsync(ConversationContext context, CardClick click, CancellationToken cancellationToken)
    {
        var id = click.GetInt(DraftFields.DraftId);
        var draft = id is null ? null : await Find(context, id.Value, cancellationToken);
        // Name what the click said, even when it is not a number, so the message never reads "Draft  not found".
        var named = click.Get(DraftFields.DraftId) ?? "?";
        return draft ?? throw new DomainException(context.L($"Draft {named} not found.", $"Brouillon {named} introuvable."));
    }

    /// <summary>A refusal with the current card when the click was made on an older revision; null when it is current.</summary>
    public static IReadOnlyList<BotReply>? Stale(ConversationContext context, CardClick click, Draft draft) =>
        click.GetInt(DraftFields.Revision) == draft.Revision
            ? null
            : [BotReply.Say(EditedSince(context, draft)), BotReply.Refresh(DraftCard.Build(draft, context))];

    /// <summary>
    /// Saves the move. When the draft changed in the store since it was read, the move is dropped and the
    /// answer says what happened first, with the card as it now stands.
    /// </summary>
    public static async Task<IReadOnlyList<BotReply>> SaveAsync(ConversationContext context, Draft draft,
        IReadOnlyList<BotReply> done, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var (readVersion, readRevision) = (db.Entry(draft).Property(d => d.Version).OriginalValue,
            db.Entry(draft).Property(d => d.Revision).OriginalValue);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return done;
        }
        catch (DbUpdateException)
        {
            // Forget the losing move (the draft and any revision it added) so nothing retries it, then read the winner.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is Draft or DraftRevision).ToList())
                entry.State = EntityState.Detached;
            var current = await Find(context, draft.Id, cancellationToken);
            // Not a race (the draft is as we read it, or gone): a real failure, let it surface.
            if (current is null || current.Version == readVersion) throw;
            var news = current.Revision != readRevision ? EditedSince(context, current) : WhoDecidedFirst(context, current);
            return [BotReply.Say(news), BotReply.Refresh(DraftCard.Build(current, context))];
        }
    }

    /// <summary>"Ana already approved draft 42 1 minute ago": the decision that came first.</summary>
    public static string WhoDecidedFirst(ConversationContext context, Draft draft)
    {
        var (id, by) = (draft.Id, draft.DecidedByName);
        var ago = Phrasing.Ago(draft.DecidedAt ?? draft.PublishedAt ?? context.Now, context.Now, context.Language);
        return draft.State switch
        {
            DraftState.Approved => context.L($"{by} already approved draft {id} {ago}.", $"{by} a déjà approuvé le brouillon {id} {ago}."),
            DraftState.ChangesRequested => context.L($"{by} already requested changes on draft {id} {ago}.",
                $"{by} a déjà demandé des modifications sur le brouillon {id} {ago}."),
            DraftState.Rejected => context.L($"{by} already rejected draft {id} {ago}.", $"{by} a déjà refusé le brouillon {id} {ago}."),
            DraftState.Published => context.L(
                $"Draft {id} was already marked published {Phrasing.Ago(draft.PublishedAt ?? context.Now, context.Now, context.Language)}.",
                $"Le brouillon {id} a déjà été marqué publié {Phrasing.Ago(draft.PublishedAt ?? context.Now, context.Now, context.Language)}."),
            _ => context.L($"Draft {id} changed meanwhile; here is where it stands.", $"Le brouillon {id} a changé entre-temps ; voici où il en est."),
        };
    }

    private static string EditedSince(ConversationContext context, Draft draft) =>
        draft.Revisions.OrderBy(r => r.Number).LastOrDefault() is { } last
            ? context.L($"This draft was edited since (by {last.EditedByName}, {Phrasing.Ago(last.EditedAt, context.Now, context.Language)}); here is the new version.",
                $"Ce brouillon a été modifié depuis (par {last.EditedByName}, {Phrasing.Ago(last.EditedAt, context.Now, context.Language)}) ; voici la nouvelle version.")
            : context.L("This draft was edited since; here is the new version.", "Ce brouillon a été modifié depuis ; voici la nouvelle version.");

    private static Task<Draft?> Find(ConversationContext context, int id, CancellationToken cancellationToken)
    {
        var brandId = context.Brand.Id;
        return context.Db.Drafts.Include(d => d.Revisions).FirstOrDefaultAsync(d => d.Id == id && d.BrandId == brandId, cancellationToken);
    }
}
