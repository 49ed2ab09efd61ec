namespace CmBot.Domain.Integrations;

/// <summary>
/// A brand's key to the REST API. Only a SHA-256 hash of the secret is kept: the key is shown once, when
/// created, and a leaked database reveals none. <see cref="Prefix"/> is public: it names the key in lists
/// and finds the row without comparing every hash.
/// </summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public int BrandId { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    /// <summary>SHA-256 of the secret part, lower-case hex.</summary>
    public required string SecretHash { get; set; }
    public required string CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActive => RevokedAt is null;

    /// <summary>How the key is shown once it is no longer secret: its prefix only.</summary>
    public string Display => $"{ApiKeySecrets.Scheme}_{Prefix}_…";
}
