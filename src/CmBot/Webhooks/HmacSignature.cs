using System.Security.Cryptography;
using System.Text;

namespace CmBot.Webhooks;

/// <summary>"sha256=&lt;hex HMAC-SHA256&gt;" signatures, as Meta sends them and as CmBot signs its own webhooks.</summary>
public static class HmacSignature
{
    public static string Sign(string secret, ReadOnlySpan<byte> payload) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload));

    /// <summary>Compares in constant time; false for a missing header or secret.</summary>
    public static bool Verify(string? secret, ReadOnlySpan<byte> payload, string? header)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(header)) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, payload));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(header.Trim().ToLowerInvariant()));
    }
}
