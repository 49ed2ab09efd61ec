namespace CmBot.Slack;

/// <summary>The "Slack" section (or <c>Slack__X</c> environment variables). Secrets come from the environment or user secrets only.</summary>
public sealed class SlackOptions
{
    /// <summary>Verifies that HTTP requests come from Slack (Basic Information → Signing Secret).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>A single workspace's bot token (xoxb-…); workspaces installed through OAuth use their own.</summary>
    public string? BotToken { get; set; }

    /// <summary>An app-level token (xapp-…, scope connections:write): when set, CmBot also listens over Socket Mode.</summary>
    public string? AppToken { get; set; }

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>Where Slack sends installers back; defaults to this host's /slack/oauth/callback.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>The Web API base; tests point it at a local fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    public string AuthorizeUrl { get; set; } = "https://slack.com/oauth/v2/authorize";

    /// <summary>The bot scopes asked at install (the manifest's list).</summary>
    public string Scopes { get; set; } =
        "app_mentions:read,channels:read,chat:write,chat:write.public,commands,files:read,groups:read,im:history,im:read,im:write,users:read";

    /// <summary>Slack allows about one message per second per channel; posts are spaced by this much.</summary>
    public TimeSpan PostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How far a request timestamp may be from now, either way, before it is refused as a replay.</summary>
    public TimeSpan SignatureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Backoff bounds for Socket Mode reconnects.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);
}
