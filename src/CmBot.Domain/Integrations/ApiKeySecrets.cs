using System.Security.Cryptography;
using System.Text;

namespace CmBot.Domain.Integrations;

/// <summary>
/// The shape of an API key, <c>cmb_&lt;prefix&gt;_&lt;secret&gt;</c>: a random public prefix (8 hex) to find the row, and
/// a random secret (32 bytes, base64url) of which only the hash is stored and compared in constant time.
/// </summary>
public static class ApiKeySecrets
{
    public const string Scheme = "cmb";

    public static (string Prefix, string Secret, string Key) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (prefix, secret, $"{Scheme}_{prefix}_{secret}");
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Splits a presented key; false for anything not shaped like one of ours.</summary>
    public static bool TryParse(string? key, out string prefix, out string secret)
    {
        prefix = secret = "";
        var parts = key?.Trim().Split('_', 3);
        if (parts is not [Scheme, { Length: 8 } p, { Length: > 0 } s]) return false;
        (prefix, secret) = (p, s);
        return true;
    }

    /// <summary>Compares the hash of the presented secret with the stored one in constant time.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
