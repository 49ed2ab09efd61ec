using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Drafts;

/// <summary>`drafts`: the cards of the brand's drafts that wait for someone, approvers or authors.</summary>
public sealed class DraftsCommand : IChatCommand
{
    /// <summary>A channel is no place for a wall of cards; the rest is counted.</summary>
    private const int MaxCards = 10;

    public CommandInfo Info { get; } = new(["drafts", "brouillons"],
        "`drafts`: the drafts waiting for approval or for changes",
        "`brouillons` : les brouillons en attente d'approbation ou de modifications");

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var brandId = context.Brand.Id;
        var waiting = context.Db.Drafts
            .Where(d => d.BrandId == brandId && (d.State == DraftState.Pending || d.State == DraftState.ChangesRequested));
        var count = await waiting.CountAsync(cancellationToken);
        if (count == 0)
            return [BotReply.Say(context.L("No drafts waiting.", "Aucun brouillon en attente."))];

        // Waiting for approval first (approvers act on those), oldest first within each state.
        var drafts = await waiting.Include(d => d.Revisions)
            .OrderBy(d => d.State == DraftState.Pending ? 0 : 1).ThenBy(d => d.Id)
            .Take(MaxCards).ToListAsync(cancellationToken);
        var replies = drafts.Select(d => BotReply.Show(DraftCard.Build(d, context))).ToList();
        if (count > MaxCards)
            replies.Add(BotReply.Say(context.L($"And {count - MaxCards} more.", $"Et {count - MaxCards} de plus.")));
        return replies;
    }
}
