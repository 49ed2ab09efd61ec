namespace CmBot.Teams.Inbound;

/// <summary>A person or the bot as an activity names them (`29:` user ids, `28:` bot ids).</summary>
public sealed record TeamsAccount(string Id, string? Name);
