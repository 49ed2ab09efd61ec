using System.Collections.Concurrent;
using Quartz;
using Quartz.Extensibility;

namespace CmBot.Domain.Tests.Reminders;

/// <summary>Counts the brand-reminder firings a scheduler ran, per trigger, so a test sees which node ran what.</summary>
internal sealed class FiringCounter(string node, ConcurrentBag<(string Node, TriggerKey Trigger)> firings) : IJobListener
{
    public string Name => $"firings-{node}";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        firings.Add((node, context.Trigger.Key));
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;
}
