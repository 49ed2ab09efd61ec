using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CmBot.Teams.Auth;

/// <summary>
/// The Bot Connector's OpenID metadata and signing keys, plus what Microsoft.IdentityModel does not expose: each
/// key's `endorsements` (the channels it may sign for), read from the same JWKS document, so both share one lifetime.
/// </summary>
public sealed class BotConnectorConfiguration(string metadataJson) : OpenIdConnectConfiguration(metadataJson)
{
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements { get; init; } = new Dictionary<string, IReadOnlySet<string>>();

    public bool IsEndorsed(string keyId, string channelId) =>
        Endorsements.TryGetValue(keyId, out var channels) && channels.Contains(channelId);
}
