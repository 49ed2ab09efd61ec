namespace CmBot.Slack;

public static class SlackModule
{
    /// <summary>Slack: Events API, interactivity, slash commands, Socket Mode, and the Web API sender.</summary>
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapSlack(this WebApplication app) => app;
}
