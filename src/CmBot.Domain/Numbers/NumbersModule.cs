using CmBot.Domain.Agenda;
using CmBot.Domain.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Numbers;

public static class NumbersModule
{
    /// <summary>Registers the `numbers` command and the numbers section of the weekly agenda.</summary>
    public static IServiceCollection AddNumbers(this IServiceCollection services) =>
        services
            .AddSingleton<IChatCommand, NumbersCommand>()
            .AddSingleton<IAgendaNumbersSection, AgendaNumbersSection>();
}
