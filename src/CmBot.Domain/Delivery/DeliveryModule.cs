using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Delivery;

public static class DeliveryModule
{
    /// <summary>The outbox (scoped, in the caller's unit of work) and its dispatcher; channel senders are added by the host.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddSingleton<OutboxDispatcher>();
        return services;
    }
}
