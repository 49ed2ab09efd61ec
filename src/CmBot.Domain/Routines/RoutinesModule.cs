using CmBot.Domain.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Routines;

public static class RoutinesModule
{
    /// <summary>Registers this feature's commands, card action handlers and dialogs.</summary>
    public static IServiceCollection AddRoutines(this IServiceCollection services)
    {
        services.AddSingleton<IChatCommand, RoutinesCommand>();
        services.AddSingleton<IChatCommand, RoutinesOnCommand>();
        services.AddSingleton<IChatCommand, RoutinesOffCommand>();
        services.AddSingleton<IChatCommand, InfluencersCommand>();
        services.AddSingleton<IChatCommand, InfluencersAddCommand>();
        services.AddSingleton<ICardActionHandler, RoutineActionHandler>();
        services.AddSingleton<ICardActionHandler, SomeoneElseHandler>();
        services.AddSingleton<ICardActionHandler, AboutReviewedHandler>();
        return services;
    }
}
