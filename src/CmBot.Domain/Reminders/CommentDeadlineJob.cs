using Quartz;

namespace CmBot.Domain.Reminders;

/// <summary>Every minute: the comment deadlines. One run at a time across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class CommentDeadlineJob(CommentDeadlineWatch watch) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await watch.RunAsync(cancellationToken);
}
