using CmBot.Domain.Delivery;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace CmBot.Teams.Connector;

/// <summary>
/// Client-credentials tokens from MSAL (teams.md §3.1): one application for the process, whose token cache renews
/// them before they expire. The secret goes to MSAL and nowhere else; failures report MSAL's error code only.
/// </summary>
public sealed class MsalConnectorTokenSource(IOptions<TeamsOptions> options) : IConnectorTokenSource
{
    private readonly Lazy<Func<CancellationToken, Task<string>>?> acquire = new(() => Build(options.Value));

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (acquire.Value is not { } get) return null;
        try
        {
            return await get(cancellationToken);
        }
        catch (MsalException error)
        {
            throw new DeliveryException(DeliveryFailure.Transient, $"no connector token ({error.ErrorCode})");
        }
    }

    /// <summary>Single-tenant apps get tokens from their own tenant; multi-tenant ones from botframework.com.</summary>
    public static string Authority(TeamsOptions settings) => settings.AppType switch
    {
        TeamsAppType.MultiTenant => "https://login.microsoftonline.com/botframework.com",
        _ => $"https://login.microsoftonline.com/{settings.AppTenantId}",
    };

    private static Func<CancellationToken, Task<string>>? Build(TeamsOptions settings)
    {
        if (!settings.HasAppId) return null;
        if (settings.AppType == TeamsAppType.UserAssignedMSI)
        {
            var identity = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(settings.AppId)).Build();
            return async ct => (await identity.AcquireTokenForManagedIdentity(TeamsOptions.ConnectorResource).ExecuteAsync(ct)).AccessToken;
        }
        var app = ConfidentialClientApplicationBuilder.Create(settings.AppId)
            .WithClientSecret(settings.AppPassword)
            .WithAuthority(Authority(settings))
            .Build();
        return async ct => (await app.AcquireTokenForClient([TeamsOptions.ConnectorScope]).ExecuteAsync(ct)).AccessToken;
    }
}
