namespace CmBot.Domain.Channels;

/// <summary>A workspace that installed the app (Slack OAuth), with its bot token encrypted at rest.</summary>
public sealed class WorkspaceInstallation
{
    public int Id { get; set; }
    public required string Channel { get; set; }
    public required string WorkspaceId { get; set; }
    public string? WorkspaceName { get; set; }
    public string? EnterpriseId { get; set; }
    /// <summary>The bot token, encrypted by the host (ASP.NET Data Protection); never stored in clear.</summary>
    public required string EncryptedBotToken { get; set; }
    public string? BotUserId { get; set; }
    public string? BotId { get; set; }
    public string? InstalledById { get; set; }
    public DateTimeOffset InstalledAt { get; set; }
}
