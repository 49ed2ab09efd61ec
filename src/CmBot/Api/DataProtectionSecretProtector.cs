using CmBot.Domain.Integrations;
using Microsoft.AspNetCore.DataProtection;

namespace CmBot.Api;

/// <summary>
/// Webhook signing secrets must be read back to sign, so they are encrypted rather than hashed, with ASP.NET Data
/// Protection (key ring rotation, one purpose per kind of secret). Deriving them from a master secret was the
/// alternative; it would make that one configuration value a key to every brand's webhooks, with no rotation.
/// The same class seals the secrets staged in the outbox, under their own purpose.
/// </summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider, string purpose = DataProtectionSecretProtector.WebhookSecrets) : ISecretProtector
{
    /// <summary>The purpose webhook secrets were stored under: changing it would make every stored one unreadable.</summary>
    public const string WebhookSecrets = "CmBot.Integrations.WebhookSecret.v1";

    private readonly IDataProtector protector = provider.CreateProtector(purpose);

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
