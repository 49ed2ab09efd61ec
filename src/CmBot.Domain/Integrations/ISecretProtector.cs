namespace CmBot.Domain.Integrations;

/// <summary>Encrypts secrets the product must read back (webhook signing secrets); the host provides it (ASP.NET Data Protection).</summary>
public interface ISecretProtector
{
    string Protect(string secret);

    /// <summary>Throws when the text cannot be decrypted (keys lost or rotated away).</summary>
    string Unprotect(string protectedSecret);
}
