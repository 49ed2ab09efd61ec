using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Comments;

/// <summary>`comments`: the open comments waiting for a reply, urgent ones first, then by deadline.</summary>
public sealed class CommentsCommand : IChatCommand
{
    public const int Limit = 10;

    public CommandInfo Info { get; } = new(["comments", "commentaires"],
        "`comments`: comments waiting for a reply, most urgent first",
        "`commentaires` : les commentaires en attente de réponse, les plus urgents d'abord");

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var brand = context.Brand;
        var waiting = context.Db.Comments.AsNoTracking()
            .Where(c => c.BrandId == brand.Id && c.State == CommentState.Open && c.NeedsReply);
        var count = await waiting.CountAsync(cancellationToken);
        if (count == 0)
            return [BotReply.Say(context.L($"No comments waiting for a reply on {brand.Name}.", $"Aucun commentaire en attente de réponse pour {brand.Name}."))];
        var shown = await waiting
            .OrderByDescending(c => c.IsUrgent).ThenBy(c => c.DeadlineAt).ThenBy(c => c.Id)
            .Take(Limit)
            .ToListAsync(cancellationToken);
        var time = context.Time;
        var replies = shown.Select(c => BotReply.Show(CommentCard.Build(c, brand, time))).ToList();
        if (count > Limit)
            replies.Add(BotReply.Say(context.L(
                $"…and {count - Limit} more waiting. Reply to these first, then type `comments` again.",
                $"…et {count - Limit} de plus en attente. Traitez ceux-ci d'abord, puis tapez `commentaires` à nouveau.")));
        return replies;
    }
}
