using CmBot.Domain.Conversations;
using CmBot.Api;
using CmBot.Domain.Delivery;
using CmBot.Domain.Integrations;
using CmBot.Teams.Auth;
using CmBot.Teams.Connector;
using CmBot.Teams.Inbound;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CmBot.Teams;

public static class TeamsModule
{
    private const string OpenIdHttpClient = "teams-openid";

    /// <summary>Microsoft Teams: the Bot Framework protocol on /api/messages, its sender, and the reader of files sent to the bot.</summary>
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TeamsOptions>()
            .Configure<IConfiguration>(Bind)
            .Validate(o => o.AppType == TeamsAppType.UserAssignedMSI || !o.HasAppId || !string.IsNullOrWhiteSpace(o.AppPassword),
                "MicrosoftAppPassword is required with a MicrosoftAppId (SingleTenant or MultiTenant)")
            .Validate(o => o.AppType != TeamsAppType.SingleTenant || !o.HasAppId || !string.IsNullOrWhiteSpace(o.AppTenantId),
                "MicrosoftAppTenantId is required for a SingleTenant app")
            .ValidateOnStart();

        services.AddHttpClient(OpenIdHttpClient, c => c.Timeout = TimeSpan.FromSeconds(10));
        // The sender logs each failure with its status and code; a line for every message sent would flood the log (and cost).
        services.AddHttpClient(TeamsSender.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        // The download URL is its own credential and we add none, so following SharePoint's redirects leaks nothing.
        services.AddHttpClient(TeamsFileReader.ClientName, c => c.Timeout = LimitedDownload.Deadline)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { MaxAutomaticRedirections = 3 });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAttachmentReader, TeamsFileReader>());
        services.AddSingleton(sp =>
        {
            var address = sp.GetRequiredService<IOptions<TeamsOptions>>().Value.OpenIdMetadataUrl;
            // Metadata must come over https, except from this machine (tests and local tools serve it over http).
            var retriever = new HttpDocumentRetriever(sp.GetRequiredService<IHttpClientFactory>().CreateClient(OpenIdHttpClient))
            {
                RequireHttps = !Uri.TryCreate(address, UriKind.Absolute, out var url) || !url.IsLoopback,
            };
            return new ConfigurationManager<OpenIdConnectConfiguration>(address, new BotConnectorMetadataRetriever(), retriever)
            {
                RefreshInterval = BotConnectorKeys.ForcedRefreshInterval,
            };
        });
        services.AddSingleton<BotConnectorKeys>();
        services.AddSingleton<BotConnectorAuthenticator>();
        services.AddSingleton<IConnectorTokenSource, MsalConnectorTokenSource>();
        services.AddSingleton<ConnectorPacer>();
        services.AddSingleton<IChannelSender, TeamsSender>();
        services.AddScoped<TeamsConversations>();
        services.AddSingleton<RecentConversations>();
        services.AddScoped<TeamsActivityHandler>();
        return builder;
    }

    public static WebApplication MapTeams(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        if (TeamsEndpoint.IsLocalDevelopment(options, app.Environment))
            app.Logger.LogWarning("Teams: no MicrosoftAppId, local development mode: unsigned requests from this machine are accepted on {Path}", TeamsEndpoint.Path);
        else if (!options.HasAppId)
            app.Logger.LogWarning("Teams: no MicrosoftAppId configured; every request to {Path} will be refused", TeamsEndpoint.Path);
        app.MapPost(TeamsEndpoint.Path, TeamsEndpoint.HandleAsync);
        return app;
    }

    /// <summary>The conventional top-level keys first, then the "Teams" section for everything else.</summary>
    private static void Bind(TeamsOptions options, IConfiguration configuration)
    {
        if (Enum.TryParse<TeamsAppType>(configuration["MicrosoftAppType"], ignoreCase: true, out var type)) options.AppType = type;
        options.AppId = configuration["MicrosoftAppId"] ?? options.AppId;
        options.AppPassword = configuration["MicrosoftAppPassword"] ?? options.AppPassword;
        options.AppTenantId = configuration["MicrosoftAppTenantId"] ?? options.AppTenantId;
        configuration.GetSection("Teams").Bind(options);
    }
}
