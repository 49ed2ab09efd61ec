using CmBot.Domain.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Drafts;

public static class DraftsModule
{
    /// <summary>Registers this feature's commands, card action handlers and dialogs.</summary>
    public static IServiceCollection AddDrafts(this IServiceCollection services)
    {
        services.AddSingleton<IChatCommand, DraftsCommand>();
        services.AddSingleton<IChatCommand, NewDraftCommand>();
        services.AddSingleton<ICardActionHandler, DraftDecisionHandler>();
        services.AddSingleton<ICardActionHandler, DraftEditHandler>();
        services.AddSingleton<IDialog, NewDraftDialog>();
        return services;
    }
}
