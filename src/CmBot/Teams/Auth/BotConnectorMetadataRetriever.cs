using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CmBot.Teams.Auth;

/// <summary>
/// Fetches the metadata, then the raw JWKS it points to, once: the signing keys come from it as usual and the
/// endorsements from the same text, so a key and its endorsements are always from the same fetch (teams.md §2.8).
/// </summary>
public sealed class BotConnectorMetadataRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadata = await retriever.GetDocumentAsync(address, cancel);
        var jwksUri = new OpenIdConnectConfiguration(metadata).JwksUri;
        if (string.IsNullOrEmpty(jwksUri)) throw new InvalidOperationException("The OpenID metadata names no jwks_uri.");
        var jwks = await retriever.GetDocumentAsync(jwksUri, cancel);
        var configuration = new BotConnectorConfiguration(metadata) { Endorsements = ReadEndorsements(jwks) };
        configuration.JsonWebKeySet = new JsonWebKeySet(jwks);
        foreach (var key in configuration.JsonWebKeySet.GetSigningKeys()) configuration.SigningKeys.Add(key);
        return configuration;
    }

    public static Dictionary<string, IReadOnlySet<string>> ReadEndorsements(string jwks)
    {
        var endorsements = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(jwks);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array) return endorsements;
        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.Object || !key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String) continue;
            var channels = key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal)
                : [];
            endorsements[kid.GetString()!] = channels;
        }
        return endorsements;
    }
}
