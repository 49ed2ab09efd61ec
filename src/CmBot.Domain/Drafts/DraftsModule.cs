using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Drafts;

public static class DraftsModule
{
    /// <summary>Registers this feature's commands, card action handlers and dialogs.</summary>
    public static IServiceCollection AddDrafts(this IServiceCollection services) => services;
}
