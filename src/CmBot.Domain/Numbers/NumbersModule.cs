using CmBot.Domain.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Numbers;

public static class NumbersModule
{
    /// <summary>Registers this feature's commands, card action handlers and dialogs.</summary>
    public static IServiceCollection AddNumbers(this IServiceCollection services) =>
        services.AddSingleton<IChatCommand, NumbersCommand>();
}
