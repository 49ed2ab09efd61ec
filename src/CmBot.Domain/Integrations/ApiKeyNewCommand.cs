using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Integrations;

/// <summary>`brand apikey new <name>`: a key to the REST API for this brand, shown once. Admins only.</summary>
public sealed class ApiKeyNewCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["brand apikey new", "brand api key new", "marque cleapi nouvelle"], "", "", ShownInHelp: false);

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var brand = context.Brand;
        BrandAccess.RequireAdmin(context, brand);
        var name = arguments.Trim();
        if (name.Length is 0 or > 64)
            throw new DomainException(context.L("Usage: `brand apikey new <name>` (up to 64 characters), e.g. `brand apikey new zapier`.",
                "Usage : `marque cleapi nouvelle <nom>` (64 caractères au plus), par ex. `marque cleapi nouvelle zapier`."));
        if (await context.Db.ApiKeys.AnyAsync(k => k.BrandId == brand.Id && k.Name == name && k.RevokedAt == null, cancellationToken))
            throw new DomainException(context.L($"{brand.Name} already has an active key named {name}.", $"{brand.Name} a déjà une clé active nommée {name}."));

        var (prefix, secret, key) = ApiKeySecrets.Generate();
        context.Db.ApiKeys.Add(new ApiKey
        {
            BrandId = brand.Id, Name = name, Prefix = prefix, SecretHash = ApiKeySecrets.Hash(secret),
            CreatedById = context.User.Id, CreatedByName = context.User.Name, CreatedAt = context.Now,
        });
        await context.Db.SaveChangesAsync(cancellationToken);
        var shown = context.L(
            $"API key {name} for {brand.Name}: `{key}`\nCopy it now: I keep only its fingerprint and will never show it again. Send it as `Authorization: Bearer <key>`.",
            $"Clé d'API {name} pour {brand.Name} : `{key}`\nCopiez-la maintenant : je n'en garde que l'empreinte et ne la montrerai plus. Envoyez-la en `Authorization: Bearer <clé>`.");
        return [BotReply.SayOnce(await SecretNotice.AppendAsync(context, shown, $"brand apikey revoke {name}", cancellationToken))];
    }
}
