using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CmBot.Tests.Teams;

/// <summary>A locally generated RSA key that signs Bot Connector-shaped tokens, and its JWKS entry with endorsements.</summary>
public sealed class TestSigningKey(string kid)
{
    public const string AppId = "8f4c2a91-3b6e-4d57-9a10-6c2e7f1b3d45";
    public const string Issuer = "https://api.botframework.com";

    private readonly RSA rsa = RSA.Create(2048);
    public string Kid { get; } = kid;

    public JsonObject Jwk(params string[] endorsements)
    {
        var parameters = rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA", ["use"] = "sig", ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray()),
        };
    }

    public static string Jwks(params JsonObject[] keys) => new JsonObject { ["keys"] = new JsonArray(keys) }.ToJsonString();

    public string Token(string serviceUrl, string? audience = AppId, string issuer = Issuer, DateTime? notBefore = null, DateTime? expires = null,
        bool withServiceUrl = true, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>();
        if (withServiceUrl) claims["serviceurl"] = serviceUrl;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(59),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = Kid }, algorithm),
        });
    }

    /// <summary>A token signed with a different key that claims this key's kid.</summary>
    public string ForgedToken(string serviceUrl) => new TestSigningKey(Kid).Token(serviceUrl);

    /// <summary>`alg: none`, no signature: must never pass.</summary>
    public string UnsignedToken(string serviceUrl) =>
        $"{Segment(new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = Kid })}.{Segment(Payload(serviceUrl))}.";

    /// <summary>HS256 with the kid of an RSA key (the classic key-confusion attempt).</summary>
    public string HmacToken(string serviceUrl) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer, Audience = AppId, Expires = DateTime.UtcNow.AddMinutes(30),
        Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = Kid }, SecurityAlgorithms.HmacSha256),
    });

    private static JsonObject Payload(string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new JsonObject { ["iss"] = Issuer, ["aud"] = AppId, ["serviceurl"] = serviceUrl, ["nbf"] = now - 60, ["exp"] = now + 3600 };
    }

    private static string Segment(JsonObject json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
