using CmBot.Domain.Channels;
using CmBot.Domain.Store;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CmBot.Slack;

/// <summary>
/// Which bot token speaks for a workspace: the one its OAuth install stored (decrypted here, kept in memory only),
/// else the configured single-workspace token. A conversation's workspace is what the store learned from its traffic.
/// </summary>
public sealed class SlackTokens(IServiceScopeFactory scopes, IDataProtectionProvider protection, IOptions<SlackOptions> options, ILogger<SlackTokens> logger)
{
    public const string Channel = "slack";
    private readonly IDataProtector protector = protection.CreateProtector("CmBot.Slack.BotToken");

    public string Protect(string token) => protector.Protect(token);

    public async Task<string?> ForTeamAsync(string? teamId, CancellationToken cancellationToken)
    {
        if (teamId is { Length: > 0 })
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
            var installed = await db.WorkspaceInstallations.AsNoTracking()
                .Where(i => i.Channel == Channel && i.WorkspaceId == teamId)
                .Select(i => i.EncryptedBotToken)
                .FirstOrDefaultAsync(cancellationToken);
            if (installed is not null)
            {
                try
                {
                    return protector.Unprotect(installed);
                }
                catch (System.Security.Cryptography.CryptographicException)
                {
                    // The Data Protection keys changed (not persisted across deployments): only a new install can help.
                    logger.LogError("The stored Slack token of workspace {Team} cannot be decrypted; reinstall the app there (/slack/install)", teamId);
                }
            }
        }
        return options.Value.BotToken is { Length: > 0 } configured ? configured : null;
    }

    public async Task<string?> ForConversationAsync(string channelId, CancellationToken cancellationToken) =>
        await ForTeamAsync(await TeamOfAsync(channelId, cancellationToken), cancellationToken);

    public async Task<string?> TeamOfAsync(string channelId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        return await db.ChannelConversations.AsNoTracking()
            .Where(c => c.Channel == Channel && c.ConversationId == channelId)
            .Select(c => c.TeamId)
            .FirstOrDefaultAsync(cancellationToken);
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
    }

    /// <summary>app_uninstalled / tokens_revoked: the workspace's token is forgotten.</summary>
    public async Task RemoveInstallationAsync(string teamId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        await db.WorkspaceInstallations.Where(i => i.Channel == Channel && i.WorkspaceId == teamId).ExecuteDeleteAsync(cancellationToken);
    }
}
