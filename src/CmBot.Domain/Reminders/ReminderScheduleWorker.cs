using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CmBot.Domain.Reminders;

/// <summary>
/// Schedules follow brands: every brand's triggers on start, then a brand's again each time a committed
/// change touches its schedule, and all of them every so often in case a change came from elsewhere.
/// </summary>
public sealed class ReminderScheduleWorker(ReminderScheduler scheduler, ReminderScheduleSignal signal, ILogger<ReminderScheduleWorker> logger)
    : BackgroundService
{
    private static readonly TimeSpan FullSyncEvery = TimeSpan.FromMinutes(10);

    /// <summary>Every brand's triggers are in place before the host serves its first request.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await scheduler.SyncAllAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The store may be unreachable for now; the loop below retries.
            logger.LogError(error, "Scheduling the reminders on start failed; retrying");
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var full = Task.Run(() => SyncAllForeverAsync(stoppingToken), stoppingToken);
        try
        {
            await foreach (var brandId in signal.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await scheduler.SyncBrandAsync(brandId, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // The next full sync puts it right.
                    logger.LogError(error, "Rescheduling brand {Brand} failed", brandId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        await full;
    }

    private async Task SyncAllForeverAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(FullSyncEvery, stoppingToken);
                await scheduler.SyncAllAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                logger.LogError(error, "Scheduling the reminders failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
