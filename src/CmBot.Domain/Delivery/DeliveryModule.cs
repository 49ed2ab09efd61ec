using CmBot.Domain.Integrations;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Delivery;

public static class DeliveryModule
{
    /// <summary>
    /// The outbox (scoped, in the caller's unit of work) and its dispatcher; channel senders are added by the host, and so
    /// is the <see cref="ISecretProtector"/> keyed <see cref="SensitiveContent.ProtectorKey"/> that seals secrets shown once.
    /// </summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(sp => new SensitiveContent(sp.GetKeyedService<ISecretProtector>(SensitiveContent.ProtectorKey)));
        services.AddScoped<Outbox>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<DirectReplies>();
        return services;
    }
}
