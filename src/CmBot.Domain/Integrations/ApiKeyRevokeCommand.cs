using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Integrations;

/// <summary>`brand apikey revoke <name|prefix>`: the key stops working at once. Admins only.</summary>
public sealed class ApiKeyRevokeCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["brand apikey revoke", "brand api key revoke", "marque cleapi revoquer"], "", "", ShownInHelp: false);

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var brand = context.Brand;
        BrandAccess.RequireAdmin(context, brand);
        var named = arguments.Trim();
        // "cmb_1a2b3c4d_…" as listed, or the bare prefix, or the name.
        var prefix = named.StartsWith(ApiKeySecrets.Scheme + "_", StringComparison.Ordinal) ? named.Split('_')[1] : named;
        var keys = await context.Db.ApiKeys
            .Where(k => k.BrandId == brand.Id && k.RevokedAt == null && (k.Name == named || k.Prefix == prefix))
            .ToListAsync(cancellationToken);
        if (named.Length == 0 || keys.Count == 0)
            throw new DomainException(context.L($"{brand.Name} has no active API key named '{named}'. `brand apikey list` shows them.",
                $"{brand.Name} n'a pas de clé d'API active nommée « {named} ». `marque cleapi liste` les montre."));
        foreach (var key in keys) key.RevokedAt = context.Now;
        await context.Db.SaveChangesAsync(cancellationToken);
        var names = string.Join(", ", keys.Select(k => $"{k.Name} ({k.Display})"));
        return [BotReply.Say(context.L($"Revoked: {names}. Requests with it are refused from now on.",
            $"Révoquée : {names}. Les requêtes qui l'utilisent sont refusées dès maintenant."))];
    }
}
