using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Inbox;

public static class InboxModule
{
    /// <summary>The inbox the channel adapters accept messages into, and its processor (run by the host).</summary>
    public static IServiceCollection AddInbox(this IServiceCollection services) =>
        services.AddSingleton<HeldInputs>().AddSingleton<ConversationInbox>().AddSingleton<InboxProcessor>();
}
