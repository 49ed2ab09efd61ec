using CmBot.Domain.Channels;
using CmBot.Domain.Store;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CmBot.Slack;

/// <summary>
/// Which bot token speaks for a workspace: the one its OAuth install stored (decrypted here, kept in memory only),
/// else the configured single-workspace token. A conversation's workspace is what the store learned from its traffic.
/// Both are kept a short while: every send needs them, and each had cost two store reads and a decryption.
/// </summary>
public sealed class SlackTokens(IServiceScopeFactory scopes, IDataProtectionProvider protection, IOptions<SlackOptions> options, TimeProvider clock, ILogger<SlackTokens> logger)
{
    public const string Channel = "slack";
    private readonly IDataProtector protector = protection.CreateProtector("CmBot.Slack.BotToken");
    // An install or uninstall elsewhere (another instance) is seen within a minute; here, at once.
    private readonly RecentlyStored<string?> installed = new(clock, TimeSpan.FromMinutes(1));
    // A channel does not change workspace.
    private readonly RecentlyStored<string?> teamOfChannel = new(clock, TimeSpan.FromMinutes(10));

    public string Protect(string token) => protector.Protect(token);

    public async Task<string?> ForTeamAsync(string? teamId, CancellationToken cancellationToken)
    {
        if (teamId is { Length: > 0 })
        {
            if (!installed.TryGet(teamId, out var token))
            {
                token = await InstalledTokenAsync(teamId, cancellationToken);
                installed.Remember(teamId, token);
            }
            if (token is not null) return token;
        }
        return options.Value.BotToken is { Length: > 0 } configured ? configured : null;
    }

    private async Task<string?> InstalledTokenAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        var encrypted = await db.WorkspaceInstallations.AsNoTracking()
            .Where(i => i.Channel == Channel && i.WorkspaceId == teamId)
            .Select(i => i.EncryptedBotToken)
            .FirstOrDefaultAsync(cancellationToken);
        if (encrypted is null) return null;
        try
        {
            return protector.Unprotect(encrypted);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The Data Protection keys changed (not persisted across deployments): only a new install can help.
            logger.LogError("The stored Slack token of workspace {Team} cannot be decrypted; reinstall the app there (/slack/install)", teamId);
            return null;
        }
    }

    public async Task<string?> ForConversationAsync(string channelId, CancellationToken cancellationToken) =>
        await ForTeamAsync(await TeamOfAsync(channelId, cancellationToken), cancellationToken);

    public async Task<string?> TeamOfAsync(string channelId, CancellationToken cancellationToken)
    {
        if (teamOfChannel.TryGet(channelId, out var known)) return known;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        var team = await db.ChannelConversations.AsNoTracking()
            .Where(c => c.Channel == Channel && c.ConversationId == channelId)
            .Select(c => c.TeamId)
            .FirstOrDefaultAsync(cancellationToken);
        // Unknown yet (its first event is still being stored): asked again next time.
        if (team is not null) teamOfChannel.Remember(channelId, team);
        return team;
    }

    /// <summary>Stores (or replaces) a workspace's installation with its token encrypted.</summary>
    public async Task SaveInstallationAsync(WorkspaceInstallation installation, string botToken, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        var existing = await db.WorkspaceInstallations
            .FirstOrDefaultAsync(i => i.Channel == Channel && i.WorkspaceId == installation.WorkspaceId, cancellationToken);
        if (existing is not null) db.WorkspaceInstallations.Remove(existing);
        installation.EncryptedBotToken = protector.Protect(botToken);
        db.WorkspaceInstallations.Add(installation);
        await db.SaveChangesAsync(cancellationToken);
        installed.Forget(installation.WorkspaceId);
    }

    /// <summary>app_uninstalled / tokens_revoked: the workspace's token is forgotten.</summary>
    public async Task RemoveInstallationAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        await db.WorkspaceInstallations.Where(i => i.Channel == Channel && i.WorkspaceId == teamId).ExecuteDeleteAsync(cancellationToken);
        installed.Forget(teamId);
    }
}
