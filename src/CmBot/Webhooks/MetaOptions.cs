namespace CmBot.Webhooks;

/// <summary>The Meta app's webhook settings, from the "Meta" section. Both are secrets: environment or user secrets only.</summary>
public sealed class MetaOptions
{
    public const string Section = "Meta";

    /// <summary>The token typed in the app dashboard when subscribing; Meta echoes it in the GET handshake.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>The app secret: deliveries are signed with it (X-Hub-Signature-256).</summary>
    public string? AppSecret { get; set; }
}
