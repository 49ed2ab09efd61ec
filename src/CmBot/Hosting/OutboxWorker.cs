using CmBot.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace CmBot.Hosting;

/// <summary>Runs the outbox dispatcher: at once when something was committed, and every poll interval for retries.</summary>
public sealed class OutboxWorker(OutboxDispatcher dispatcher, OutboxSignal signal, IOptions<DeliveryOptions> options, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Keep going while full batches come back; then wait for a signal or the next poll.
                while (await dispatcher.DispatchDueAsync(stoppingToken) >= options.Value.BatchSize) { }
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                // The store may be briefly unavailable; nothing is lost, the outbox is retried on the next pass.
                logger.LogError(error, "Outbox dispatch failed; retrying");
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
        }
    }
}
