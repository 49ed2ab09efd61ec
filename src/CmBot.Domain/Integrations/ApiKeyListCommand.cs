using System.Globalization;
using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Integrations;

/// <summary>`brand apikey list`: the brand's keys by name and prefix (never the secret), active ones first.</summary>
public sealed class ApiKeyListCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["brand apikey list", "brand apikey", "brand api key list", "marque cleapi liste"], "", "", ShownInHelp: false);

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var brand = context.Brand;
        var keys = await context.Db.ApiKeys.AsNoTracking().Where(k => k.BrandId == brand.Id).ToListAsync(cancellationToken);
        if (keys.Count == 0)
            return [BotReply.Say(context.L($"{brand.Name} has no API key. An admin can create one with `brand apikey new <name>`.",
                $"{brand.Name} n'a pas de clé d'API. Un administrateur peut en créer une avec `marque cleapi nouvelle <nom>`."))];
        var culture = context.Language == Common.Language.Fr ? CultureInfo.GetCultureInfo("fr-FR") : CultureInfo.GetCultureInfo("en-GB");
        var lines = keys.OrderBy(k => k.RevokedAt.HasValue).ThenBy(k => k.Name).Select(k =>
        {
            var created = context.Time.ToLocal(k.CreatedAt).ToString("d", culture);
            var state = k.RevokedAt is { } revoked
                ? context.L($"revoked {context.Time.ToLocal(revoked).ToString("d", culture)}", $"révoquée le {context.Time.ToLocal(revoked).ToString("d", culture)}")
                : context.L("active", "active");
            return $"- {k.Name} · `{k.Display}` · {context.L("by", "par")} {k.CreatedByName}, {created} · {state}";
        });
        return [BotReply.Say(context.L($"API keys of {brand.Name}:", $"Clés d'API de {brand.Name} :") + "\n" + string.Join("\n", lines))];
    }
}
