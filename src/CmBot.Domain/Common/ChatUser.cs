namespace CmBot.Domain.Common;

/// <summary>A person as the chat platform names them: a stable id and a display name.</summary>
public sealed record ChatUser(string Id, string Name);
