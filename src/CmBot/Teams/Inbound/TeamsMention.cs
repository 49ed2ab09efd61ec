namespace CmBot.Teams.Inbound;

/// <summary>A mention entity: who, and the exact `&lt;at&gt;…&lt;/at&gt;` text standing for them in the message.</summary>
public sealed record TeamsMention(TeamsAccount Mentioned, string Text);
