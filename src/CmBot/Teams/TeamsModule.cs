namespace CmBot.Teams;

public static class TeamsModule
{
    /// <summary>Microsoft Teams: the Bot Framework protocol on /api/messages, and its sender.</summary>
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapTeams(this WebApplication app) => app;
}
