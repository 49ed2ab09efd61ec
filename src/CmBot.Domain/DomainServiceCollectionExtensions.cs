using CmBot.Domain.Agenda;
using CmBot.Domain.Brands;
using CmBot.Domain.Comments;
using CmBot.Domain.Conversations;
using CmBot.Domain.Delivery;
using CmBot.Domain.Drafts;
using CmBot.Domain.Inbox;
using CmBot.Domain.Numbers;
using CmBot.Domain.Routines;
using CmBot.Domain.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CmBot.Domain;

public static class DomainServiceCollectionExtensions
{
    /// <summary>The whole product, without a host: store, conversations and every feature.</summary>
    /// <summary>Options (<see cref="StoreOptions"/>, <see cref="ConversationOptions"/>) come from the options pattern.</summary>
    public static IServiceCollection AddCmBotDomain(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddCmBotStore();
        services.AddOptions<ConversationOptions>();
        services.AddSingleton<IChatCommand, HelpCommand>();
        services.AddSingleton(sp => new CommandMatcher(sp.GetServices<IChatCommand>()));
        services.AddScoped<ConversationService>();
        services.AddScoped<ReadOnlyAnswers>();
        services.AddDelivery();
        services.AddInbox();
        return services
            .AddBrands()
            .AddDrafts()
            .AddComments()
            .AddAgenda()
            .AddNumbers()
            .AddRoutines();
    }
}
