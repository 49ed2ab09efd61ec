using CmBot.Domain.Cards;
using CmBot.Domain.Conversations;

namespace CmBot.Domain.Routines;

/// <summary>`influencers` / `influenceurs`: the brand's list, next to contact first, with the last contact of each.</summary>
public sealed class InfluencersCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["influencers", "influenceurs"],
        "`influencers`: the influencer list and when each was last contacted", "`influenceurs` : la liste des influenceurs et leur dernier contact");

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var brand = context.Brand;
        var ordered = InfluencerList.InProposalOrder(await InfluencerList.OfBrandAsync(context.Db, brand.Id, cancellationToken));
        var card = new Card($"influencers-{brand.Id}", CardKind.Info, context.L("Influencers", "Influenceurs"))
        {
            Subtitle = brand.Name,
            Text = ordered.Count == 0
                ? context.L("The list is empty. Add someone with `influencers add <name> <handle>`.",
                    "La liste est vide. Ajoutez quelqu'un avec `influenceurs ajouter <nom> <compte>`.")
                : context.L("Next to contact first. Add someone with `influencers add <name> <handle>`.",
                    "Le prochain à contacter en premier. Ajoutez quelqu'un avec `influenceurs ajouter <nom> <compte>`."),
            Facts = ordered
                .Select(i => new CardFact($"{i.Name} ({i.Handle})", context.L("last contact: ", "dernier contact : ")
                    + RoutineText.Ago(i.LastContactedAt, context.Time, context.Language)))
                .ToList(),
        };
        return [BotReply.Show(card)];
    }
}
