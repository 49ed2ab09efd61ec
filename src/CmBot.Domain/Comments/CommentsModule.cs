using CmBot.Domain.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Comments;

public static class CommentsModule
{
    /// <summary>Registers this feature's commands, card action handlers and dialogs.</summary>
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddSingleton<IChatCommand, CommentsCommand>();
        services.AddSingleton<ICardActionHandler, CommentActionHandler>();
        return services;
    }
}
