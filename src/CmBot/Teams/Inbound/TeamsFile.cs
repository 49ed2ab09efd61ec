namespace CmBot.Teams.Inbound;

/// <summary>
/// A file sent to the bot in a personal chat: a <c>application/vnd.microsoft.teams.file.download.info</c> attachment,
/// whose <c>content.downloadUrl</c> is short-lived and pre-authenticated (fetched with a plain GET, no token).
/// </summary>
public sealed record TeamsFile(string Name, string? FileType, string DownloadUrl)
{
    public const string ContentType = "application/vnd.microsoft.teams.file.download.info";
}
