using CmBot.Domain.Conversations;
using CmBot.Domain.Drafts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CmBot.Domain.Integrations;

public static class IntegrationsModule
{
    /// <summary>
    /// The brand's API keys, outgoing webhooks and Meta accounts (their `brand …` commands), `metrics import`, and the listener that
    /// sends approved drafts out. Safe to call twice. The host adds the <see cref="ISecretProtector"/>, the senders, the
    /// <see cref="ICsvTableReader"/> and an <see cref="IAttachmentReader"/> per platform (for `metrics import`).
    /// </summary>
    public static IServiceCollection AddIntegrations(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatCommand, ApiKeyNewCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatCommand, ApiKeyRevokeCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatCommand, ApiKeyListCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatCommand, WebhookCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatCommand, MetaAccountCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatCommand, MetricsImportCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDraftDecisionListener, WebhookDraftListener>());
        return services;
    }
}
