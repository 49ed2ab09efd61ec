using CmBot.Domain.Delivery;
using CmBot.Domain.Inbox;
using Microsoft.Extensions.Options;

namespace CmBot.Hosting;

/// <summary>Writes accepted inputs in batches, and handles them as soon as they are written (and on every poll for retries).</summary>
public sealed class InboxWorker(ConversationInbox inbox, InboxProcessor processor, IOptions<DeliveryOptions> options, ILogger<InboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var writer = inbox.RunWriterAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await processor.ProcessDueAsync(stoppingToken) > 0) { }
                await inbox.WaitForWorkAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                // The store may be briefly unavailable; the entries stay in the inbox and are taken on the next pass.
                logger.LogError(error, "Inbox processing failed; retrying");
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
        }
        try { await writer; }
        catch (OperationCanceledException) { }
    }
}
