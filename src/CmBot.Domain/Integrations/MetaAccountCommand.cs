using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Drafts;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Integrations;

/// <summary>
/// `brand meta facebook|instagram <account id>`: comments and messages Meta delivers for that Page or Instagram
/// account become this brand's. `brand meta` lists them. Admins only for changes.
/// </summary>
public sealed class MetaAccountCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["brand meta", "marque meta"], "", "", ShownInHelp: false);

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var brand = context.Brand;
        var parts = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            var linked = await context.Db.MetaAccounts.Where(a => a.BrandId == brand.Id).ToListAsync(cancellationToken);
            return [BotReply.Say(linked.Count == 0
                ? context.L("No Meta account linked. Usage: `brand meta facebook|instagram <page or account id>`.",
                    "Aucun compte Meta lié. Usage : `marque meta facebook|instagram <id de page ou de compte>`.")
                : string.Join("\n", linked.Select(a => $"- {a.Network}: {a.AccountId}")))];
        }
        BrandAccess.RequireAdmin(context, brand);
        var (networks, _) = NetworkNames.Parse(parts[0], []);
        var id = parts.ElementAtOrDefault(1) ?? "";
        if (networks is not [var network and (Network.Facebook or Network.Instagram)] || id.Length is 0 or > 64 || !id.All(char.IsAsciiDigit))
            throw new DomainException(context.L("Usage: `brand meta facebook|instagram <numeric page or account id>`.",
                "Usage : `marque meta facebook|instagram <id numérique de page ou de compte>`."));
        var existing = await context.Db.MetaAccounts.FirstOrDefaultAsync(a => a.Network == network && a.AccountId == id, cancellationToken);
        if (existing is not null && existing.BrandId != brand.Id)
            throw new DomainException(context.L("That account is already linked to another brand.", "Ce compte est déjà lié à une autre marque."));
        if (existing is null)
        {
            context.Db.MetaAccounts.Add(new MetaAccount { BrandId = brand.Id, Network = network, AccountId = id, LinkedAt = context.Now });
            await context.Db.SaveChangesAsync(cancellationToken);
        }
        return [BotReply.Say(context.L($"Comments and messages of {network} account {id} now come to {brand.Name}.",
            $"Les commentaires et messages du compte {network} {id} arrivent désormais pour {brand.Name}."))];
    }
}
