using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Integrations;

/// <summary>Finds the active key a request presents; null for a missing, malformed, unknown or revoked one.</summary>
public static class ApiKeyFinder
{
    public static async Task<ApiKey?> FindActiveAsync(CmBotDb db, string? presented, CancellationToken cancellationToken)
    {
        if (!ApiKeySecrets.TryParse(presented, out var prefix, out var secret)) return null;
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        // The hash is compared even for a revoked key, so timing does not tell a revoked key from a wrong one.
        var matches = key is not null && ApiKeySecrets.Matches(secret, key.SecretHash);
        return matches && key!.IsActive ? key : null;
    }
}
