namespace CmBot.Teams;

/// <summary>How the bot's Entra app gets its outbound tokens (the `MicrosoftAppType` setting).</summary>
public enum TeamsAppType
{
    /// <summary>The only kind new Azure Bots can be: tokens from our own tenant's authority.</summary>
    SingleTenant,
    /// <summary>Legacy bots: tokens from the botframework.com tenant.</summary>
    MultiTenant,
    /// <summary>A user-assigned managed identity: no secret, tokens from the hosting platform.</summary>
    UserAssignedMSI,
}
