using System.Text;
using CmBot.Domain.Delivery;
using CmBot.Domain.Integrations;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Tests.Support;

/// <summary>
/// Stands in for the host's Data Protection: reversible, but nothing of the clear text shows in what it returns.
/// Not encryption; enough to tell whether the product handed a secret to the protector before storing it.
/// </summary>
public sealed class TestSecretProtector : ISecretProtector
{
    private const string Prefix = "test-protected:";

    public string Protect(string secret) => Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(secret).Select(b => (byte)(b ^ 0x5A)).ToArray());

    public string Unprotect(string protectedSecret) => protectedSecret.StartsWith(Prefix, StringComparison.Ordinal)
        ? Encoding.UTF8.GetString(Convert.FromBase64String(protectedSecret[Prefix.Length..]).Select(b => (byte)(b ^ 0x5A)).ToArray())
        : throw new FormatException("Not protected by this protector.");

    /// <summary>Registers it where the host registers the outbox's protector.</summary>
    public static IServiceCollection AddTo(IServiceCollection services) =>
        services.AddKeyedSingleton<ISecretProtector>(SensitiveContent.ProtectorKey, new TestSecretProtector());
}
