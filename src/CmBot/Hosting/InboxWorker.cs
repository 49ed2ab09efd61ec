using CmBot.Domain.Delivery;
using CmBot.Domain.Inbox;
using Microsoft.Extensions.Options;

namespace CmBot.Hosting;

/// <summary>
/// Writes accepted inputs in batches; handles those this instance holds as soon as they are written, a loop a lane,
/// and what the store holds for anyone whenever an input is left there (and on every poll, for retries and for the
/// inputs of an instance that died). On a clean stop, gives back the leases of what it held and did not handle.
/// </summary>
public sealed class InboxWorker(ConversationInbox inbox, HeldInputs held, InboxProcessor processor, IOptions<DeliveryOptions> options, ILogger<InboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var writer = inbox.RunWriterAsync(stoppingToken);
        var lanes = Enumerable.Range(0, held.Lanes).Select(lane => LoopAsync(
            () => processor.ProcessLaneAsync(lane, stoppingToken), () => held.WaitAsync(lane, stoppingToken).AsTask(), stoppingToken));
        var stored = LoopAsync(() => processor.ProcessStoredAsync(stoppingToken), () => inbox.WaitForWorkAsync(options.Value.PollInterval, stoppingToken), stoppingToken);
        await Task.WhenAll(lanes.Append(stored));
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await processor.ReleaseHeldAsync(timeout.Token);
        }
        catch (Exception error)
        {
            logger.LogWarning("Inbox leases not given back on stop ({Error}); those inputs are answered once the leases run out", error.Message);
        }
        try { await writer; }
        catch (OperationCanceledException) { }
    }

    private async Task LoopAsync(Func<Task<int>> pass, Func<Task<bool>> wait, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await pass() > 0) { }
                await wait();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                // The store may be briefly unavailable; the entries stay in the inbox and are taken on a later pass.
                logger.LogError(error, "Inbox processing failed; retrying");
                await Task.WhenAny(Task.Delay(options.Value.PollInterval, stoppingToken)); // Stopping ends the wait, and then the loop.
            }
        }
    }
}
