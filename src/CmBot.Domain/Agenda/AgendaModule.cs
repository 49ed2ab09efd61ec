using CmBot.Domain.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Agenda;

public static class AgendaModule
{
    /// <summary>Registers this feature's commands, card action handlers and dialogs.</summary>
    public static IServiceCollection AddAgenda(this IServiceCollection services)
    {
        services.AddSingleton<AgendaCards>();
        services.AddSingleton<IChatCommand, AgendaCommand>();
        services.AddSingleton<IChatCommand, AgendaAddCommand>();
        services.AddSingleton<ICardActionHandler, AgendaActionHandler>();
        return services;
    }
}
