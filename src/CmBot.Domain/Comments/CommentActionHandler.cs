using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Comments;

/// <summary>The comment card's buttons: mark replied, dismiss, assign to me.</summary>
public sealed class CommentActionHandler : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs => CommentVerbs.All;

    public async Task<IReadOnlyList<BotReply>> HandleAsync(ConversationContext context, CardClick click, CancellationToken cancellationToken)
    {
        var comment = await FindAsync(context, click, cancellationToken);
        switch (click.Verb)
        {
            case CommentVerbs.Replied:
                comment.MarkReplied(context.User, context.Now, click.Get(CommentVerbs.ReplyText), context.Language);
                break;
            case CommentVerbs.Dismiss:
                comment.Dismiss(context.User, context.Now, context.Language);
                break;
            case CommentVerbs.Assign:
                comment.AssignTo(context.User, context.Now, context.Language);
                break;
        }
        var conflict = await CommentSaver.TrySaveAsync(context.Db, comment, context.Now, context.Language, cancellationToken);
        var card = BotReply.Refresh(CommentCard.Build(comment, context.Brand, context.Time));
        return conflict is null ? [card] : [card, BotReply.Say(conflict)];
    }

    /// <summary>The id comes from the client: a comment of another brand is as good as missing.</summary>
    private static async Task<Comment> FindAsync(ConversationContext context, CardClick click, CancellationToken cancellationToken)
    {
        var brandId = context.Brand.Id;
        var id = click.GetInt(CommentVerbs.CommentId);
        var comment = id is null
            ? null
            : await context.Db.Comments.FirstOrDefaultAsync(c => c.Id == id && c.BrandId == brandId, cancellationToken);
        return comment ?? throw new DomainException(context.L(
            $"Comment {id} was not found for {context.Brand.Name}.",
            $"Le commentaire {id} est introuvable pour {context.Brand.Name}."));
    }
}
