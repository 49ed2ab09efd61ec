using CmBot.Domain.Conversations;

namespace CmBot.Domain.Brands;

/// <summary>`brand`: the settings of this conversation's brand, or how to set one up.</summary>
public sealed class BrandShowCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["brand", "marque"],
        "`brand`: this brand's settings (`brand new <name>`, `brand link <name>`, `brand set timezone|language|deadline <value>`, `brand approver|admin|onduty add|remove @someone`)",
        "`marque` : les réglages de la marque (`marque nouvelle <nom>`, `marque lier <nom>`, `marque régler fuseau|langue|délai <valeur>`, `marque approbateur|admin|astreinte ajouter|retirer @quelqu'un`)");

    public Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<BotReply>>(context.HasBrand
            ? [BotReply.Show(BrandCard.Build(context.Brand))]
            : [BotReply.Say("No brand is linked here yet. Type `brand new <name>` to create one (you become its admin), or `brand link <name>` to use an existing one.")]);
}
