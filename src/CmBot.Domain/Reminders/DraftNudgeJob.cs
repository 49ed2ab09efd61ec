using Quartz;

namespace CmBot.Domain.Reminders;

/// <summary>Every minute: drafts still pending an hour before their time. One run at a time across the cluster.</summary>
[DisallowConcurrentExecution]
public sealed class DraftNudgeJob(DraftNudgeWatch watch) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await watch.RunAsync(cancellationToken);
}
