using CmBot.Domain.Conversations;
using CmBot.Api;
using CmBot.Domain.Delivery;
using CmBot.Domain.Integrations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CmBot.Slack;

public static class SlackModule
{
    /// <summary>Slack: Events API, interactivity, slash commands, Socket Mode, the Web API sender and the file reader.</summary>
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SlackOptions>().BindConfiguration("Slack");
        services.AddDataProtection();
        // Failures are logged by who called (the sender, the dispatcher); a line for every call would flood the log.
        services.AddHttpClient(SlackWebApi.ClientName, http => http.Timeout = TimeSpan.FromSeconds(10)).RemoveAllLoggers();
        services.AddSingleton<SlackWebApi>();
        // A redirect would carry the bot token to wherever it points: file downloads follow none.
        services.AddHttpClient(SlackFileReader.ClientName, http => http.Timeout = LimitedDownload.Deadline)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAttachmentReader, SlackFileReader>());
        services.AddSingleton<SlackTokens>();
        services.AddSingleton<SlackWorkQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackWorkQueue>());
        services.AddSingleton<SlackBotIdentity>();
        services.AddSingleton<SlackPacer>();
        services.AddSingleton<SlackResponseUrls>();
        services.AddSingleton<SlackRequest>();
        services.AddSingleton<SlackConversationGateway>();
        services.AddSingleton<SlackEventHandler>();
        services.AddSingleton<SlackInteractionHandler>();
        services.AddSingleton<SlackModalOpener>();
        services.AddSingleton<SlackCommandHandler>();
        services.AddScoped<SlackCardLookup>();
        services.AddScoped<SlackAppHome>();
        services.AddSingleton<SlackSender>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<SlackSender>());
        services.AddHostedService<SlackSocketMode>();
        return builder;
    }

    public static WebApplication MapSlack(this WebApplication app)
    {
        app.MapSlackEndpoints();
        app.MapSlackOAuth();
        return app;
    }
}
