using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Routines;

public static class RoutinesModule
{
    /// <summary>Registers this feature's commands, card action handlers and dialogs.</summary>
    public static IServiceCollection AddRoutines(this IServiceCollection services) => services;
}
