using System.Threading.Channels;

namespace CmBot.Slack;

/// <summary>
/// Work that must not hold an acknowledgement to Slack (publishing the App Home, learning the bot's id,
/// answering through a response_url): queued in memory and run in order by a background service.
/// Losing it on a crash costs a refresh, never a message (those go through the outbox).
/// </summary>
public sealed class SlackWorkQueue : BackgroundService
{
    private readonly Channel<(string Name, Func<IServiceProvider, CancellationToken, Task> Work)> queue = Channel.CreateUnbounded<(string, Func<IServiceProvider, CancellationToken, Task>)>();
    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<SlackWorkQueue> logger;

    public SlackWorkQueue(IServiceScopeFactory scopes, ILogger<SlackWorkQueue> logger) => (this.scopes, this.logger) = (scopes, logger);

    public void Enqueue(string name, Func<IServiceProvider, CancellationToken, Task> work) => queue.Writer.TryWrite((name, work));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (name, work) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception error)
            {
                logger.LogWarning("Slack background work '{Work}' failed: {Error}", name,
                    error is SlackApiException api ? api.Error : error.GetType().Name);
            }
        }
    }
}
