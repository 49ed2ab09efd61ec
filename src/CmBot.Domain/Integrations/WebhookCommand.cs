using System.Security.Cryptography;
using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Integrations;

/// <summary>
/// `brand webhook set <url>` / `brand webhook off` / `brand webhook`: where approved and published drafts are
/// sent. Admins only for changes; the signing secret is shown once.
/// </summary>
public sealed class WebhookCommand(IServiceProvider services) : IChatCommand
{
    public CommandInfo Info { get; } = new(["brand webhook", "marque webhook"], "", "", ShownInHelp: false);

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var brand = context.Brand;
        var parts = arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var active = await context.Db.WebhookSubscriptions
            .Where(s => s.BrandId == brand.Id && s.DisabledAt == null).ToListAsync(cancellationToken);
        switch (parts.FirstOrDefault() is { } verb ? CommandMatcher.Normalize(verb) : "")
        {
            case "set" or "regler" or "definir":
                BrandAccess.RequireAdmin(context, brand);
                return [BotReply.SayOnce(await SetAsync(context, brand, active, parts.ElementAtOrDefault(1) ?? "", cancellationToken))];
            case "off" or "stop" or "arreter":
                BrandAccess.RequireAdmin(context, brand);
                foreach (var subscription in active) subscription.DisabledAt = context.Now;
                await context.Db.SaveChangesAsync(cancellationToken);
                return [BotReply.Say(context.L("Webhook off: approved drafts are no longer sent anywhere.",
                    "Webhook arrêté : les brouillons approuvés ne sont plus envoyés nulle part."))];
            default:
                return [BotReply.Say(active.Count == 0
                    ? context.L("No webhook. An admin can set one with `brand webhook set <https url>`.",
                        "Aucun webhook. Un administrateur peut en définir un avec `marque webhook regler <url https>`.")
                    : context.L($"Approved and published drafts are sent to {active[0].Url}.",
                        $"Les brouillons approuvés et publiés sont envoyés à {active[0].Url}."))];
        }
    }

    private async Task<string> SetAsync(ConversationContext context, Brand brand, List<WebhookSubscription> active, string url, CancellationToken cancellationToken)
    {
        if (!IsAcceptable(url))
            throw new DomainException(context.L("Usage: `brand webhook set <url>`, an https address (http only on this machine, for tests).",
                "Usage : `marque webhook regler <url>`, une adresse https (http seulement sur cette machine, pour les tests)."));
        var protector = services.GetService<ISecretProtector>()
            ?? throw new DomainException(context.L("Webhooks are not available on this installation.", "Les webhooks ne sont pas disponibles sur cette installation."));
        var secret = "whsec_" + ApiKeySecrets.Base64Url(RandomNumberGenerator.GetBytes(32));
        // One webhook per brand: a new address replaces the old one.
        foreach (var old in active) old.DisabledAt = context.Now;
        context.Db.WebhookSubscriptions.Add(new WebhookSubscription
        {
            BrandId = brand.Id, Url = url, EncryptedSecret = protector.Protect(secret), CreatedById = context.User.Id, CreatedAt = context.Now,
        });
        await context.Db.SaveChangesAsync(cancellationToken);
        var shown = context.L(
            $"Approved and published drafts of {brand.Name} will be POSTed to {url}. Signing secret: `{secret}`\nCopy it now, it is not shown again. Each request carries `X-CmBot-Timestamp` and `X-CmBot-Signature: sha256=<hex HMAC-SHA256 of \"<timestamp>.<body>\">`.",
            $"Les brouillons approuvés et publiés de {brand.Name} seront envoyés (POST) à {url}. Secret de signature : `{secret}`\nCopiez-le maintenant, il ne sera plus affiché. Chaque requête porte `X-CmBot-Timestamp` et `X-CmBot-Signature: sha256=<HMAC-SHA256 hex de \"<timestamp>.<corps>\">`.");
        return await SecretNotice.AppendAsync(context, shown, "brand webhook off", cancellationToken);
    }

    /// <summary>https anywhere; plain http only to this machine, where nothing travels over a network.</summary>
    public static bool IsAcceptable(string url) =>
        url.Length <= 1000 && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length == 0
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
