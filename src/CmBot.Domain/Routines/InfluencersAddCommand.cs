using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Routines;

/// <summary>`influencers add &lt;name&gt; &lt;handle&gt;` / `influenceurs ajouter &lt;nom&gt; &lt;compte&gt;`.</summary>
public sealed class InfluencersAddCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["influencers add", "influenceurs ajouter"],
        "`influencers add <name> <handle>`: add someone to the influencer list",
        "`influenceurs ajouter <nom> <compte>` : ajouter quelqu'un à la liste des influenceurs");

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var influencer = await InfluencerList.AddAsync(context.Db, context.Brand.Id, arguments, context.Now, context.Language, cancellationToken);
        try
        {
            await context.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same handle added by someone else at the same moment (unique brand + handle).
            throw new DomainException(context.L($"{influencer.Handle} is already on the list.", $"{influencer.Handle} est déjà dans la liste."));
        }
        return [BotReply.Say(context.L(
            $"Added {influencer.Name} ({influencer.Handle}) to the influencer list.",
            $"{influencer.Name} ({influencer.Handle}) a été ajouté(e) à la liste des influenceurs."))];
    }
}
