using CmBot.Domain.Integrations;
using Microsoft.AspNetCore.DataProtection;

namespace CmBot.Api;

/// <summary>
/// Webhook signing secrets must be read back to sign, so they are encrypted rather than hashed, with ASP.NET Data
/// Protection (key ring rotation, one purpose per kind of secret). Deriving them from a master secret was the
/// alternative; it would make that one configuration value a key to every brand's webhooks, with no rotation.
/// </summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector protector = provider.CreateProtector("CmBot.Integrations.WebhookSecret.v1");

    public string Protect(string secret) => protector.Protect(secret);

    public string Unprotect(string protectedSecret) => protector.Unprotect(protectedSecret);
}
