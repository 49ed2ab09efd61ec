namespace CmBot.Teams;

/// <summary>
/// The Teams channel's settings. The app identity uses the keys Teams bots conventionally use, at the top level
/// (`MicrosoftAppType`, `MicrosoftAppId`, `MicrosoftAppPassword`, `MicrosoftAppTenantId`), so environment variables
/// of the same names work; the rest comes from the "Teams" section.
/// </summary>
public sealed class TeamsOptions
{
    public const string BotConnectorMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotConnectorIssuer = "https://api.botframework.com";
    public const string ConnectorScope = "https://api.botframework.com/.default";
    public const string ConnectorResource = "https://api.botframework.com";

    public TeamsAppType AppType { get; set; } = TeamsAppType.SingleTenant;

    /// <summary>The Azure Bot's Microsoft App ID; the audience of every inbound token. Empty = local development mode.</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret. A secret: never logged.</summary>
    public string? AppPassword { get; set; }

    public string? AppTenantId { get; set; }

    /// <summary>Where the Bot Connector publishes its signing keys; tests point it at local metadata.</summary>
    public string OpenIdMetadataUrl { get; set; } = BotConnectorMetadataUrl;

    /// <summary>Activities are small; anything bigger is refused before parsing.</summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    public bool HasAppId => !string.IsNullOrWhiteSpace(AppId);
}
