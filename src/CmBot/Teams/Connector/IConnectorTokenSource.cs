namespace CmBot.Teams.Connector;

/// <summary>Our bearer token for the Bot Connector; null in local development mode (no app id), where none is sent.</summary>
public interface IConnectorTokenSource
{
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
