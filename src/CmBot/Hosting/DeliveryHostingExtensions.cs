using CmBot.Domain.Delivery;

namespace CmBot.Hosting;

public static class DeliveryHostingExtensions
{
    /// <summary>
    /// The inbox processor and the outbox dispatcher as background services, tuned from the "Delivery" section, and
    /// SQLite's checkpoints beside them.
    /// </summary>
    public static WebApplicationBuilder AddOutboxWorker(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeliveryOptions>().BindConfiguration("Delivery");
        builder.Services.AddHostedService<OutboxWorker>();
        builder.Services.AddHostedService<InboxWorker>();
        builder.Services.AddHostedService<SqliteCheckpointWorker>();
        return builder;
    }
}
