using System.Globalization;
using Quartz;

namespace CmBot.Domain.Reminders;

/// <summary>
/// Quartz's side of a brand reminder: its trigger is a one-shot for the next slot (computed by
/// <see cref="SlotClock"/>, not by cron, so DST is ours to get right), carrying the brand, the reminder and
/// the slot. It runs the reminder, then arms the trigger for the following slot, whatever happened.
/// </summary>
public sealed class BrandReminderJob(ReminderRunner runner, ReminderScheduler scheduler) : IJob
{
    public const string BrandKey = "brand";
    public const string NameKey = "reminder";
    public const string SlotKey = "slot";
    public const string SignatureKey = "signature";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var brandId = int.Parse((string)data[BrandKey]!, CultureInfo.InvariantCulture);
        var name = (string)data[NameKey]!;
        var slot = DateTimeOffset.Parse((string)data[SlotKey]!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        try
        {
            await runner.RunAsync(brandId, name, slot, cancellationToken);
        }
        finally
        {
            await scheduler.ArmNextAsync(context.Scheduler, brandId, name, slot, cancellationToken);
        }
    }
}
