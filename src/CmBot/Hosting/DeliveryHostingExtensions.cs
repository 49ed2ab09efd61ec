using CmBot.Domain.Delivery;

namespace CmBot.Hosting;

public static class DeliveryHostingExtensions
{
    /// <summary>The outbox dispatcher as a background service, tuned from the "Delivery" section.</summary>
    public static WebApplicationBuilder AddOutboxWorker(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeliveryOptions>().BindConfiguration("Delivery");
        builder.Services.AddHostedService<OutboxWorker>();
        return builder;
    }
}
