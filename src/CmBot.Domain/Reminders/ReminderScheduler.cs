using System.Globalization;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CmBot.Domain.Reminders;

/// <summary>
/// Keeps Quartz's triggers in line with the brands: one one-shot trigger per planned reminder (group
/// "brand-{id}"), for its next slot, plus the two every-minute watches. A trigger whose slot and zone are
/// unchanged is left alone, even overdue, so a slot missed while the bot was down still fires once on return.
/// </summary>
public sealed class ReminderScheduler(
    ISchedulerFactory schedulers,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    ILogger<ReminderScheduler> logger)
{
    public static readonly JobKey BrandJob = new("brand-reminder", "cmbot");
    public static readonly JobKey CommentJob = new("comment-deadlines", "cmbot");
    public static readonly JobKey DraftJob = new("draft-nudges", "cmbot");

    public static string GroupOf(int brandId) => string.Create(CultureInfo.InvariantCulture, $"brand-{brandId}");

    /// <summary>On start: every brand's triggers, and none left for brands that are gone.</summary>
    public async Task SyncAllAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await EnsureJobsAsync(scheduler, cancellationToken);
        List<int> brandIds;
        await using (var scope = scopes.CreateAsyncScope())
            brandIds = await scope.ServiceProvider.GetRequiredService<CmBotDb>().Brands.Select(b => b.Id).ToListAsync(cancellationToken);
        foreach (var brandId in brandIds) await SyncBrandAsync(scheduler, brandId, cancellationToken);
        foreach (var trigger in (await scheduler.QueryTriggers(new TriggerQuery { Job = BrandJob, Take = PagedQuery.All }, cancellationToken)).Items)
            if (!brandIds.Select(GroupOf).Contains(trigger.Key.Group)) await scheduler.UnscheduleJob(trigger.Key, cancellationToken);
    }

    /// <summary>After a brand, a routine or a slot changed: that brand's triggers follow.</summary>
    public async Task SyncBrandAsync(int brandId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await EnsureJobsAsync(scheduler, cancellationToken);
        await SyncBrandAsync(scheduler, brandId, cancellationToken);
    }

    /// <summary>After a firing: the same trigger, for the slot after the one just fired (or after now, if later).</summary>
    public async Task ArmNextAsync(IScheduler scheduler, int brandId, string name, DateTimeOffset firedSlot, CancellationToken cancellationToken)
    {
        var key = new TriggerKey(name, GroupOf(brandId));
        var reminder = (await PlanAsync(brandId, cancellationToken)).FirstOrDefault(r => r.Name == name);
        if (reminder is null)
        {
            await scheduler.UnscheduleJob(key, cancellationToken);
            return;
        }
        var now = clock.GetUtcNow();
        var trigger = Build(reminder, reminder.NextAfter(firedSlot > now ? firedSlot : now));
        // Rescheduling the trigger that is firing keeps it: the store sees its new next fire time and does not delete it.
        if (await scheduler.RescheduleJob(key, trigger, cancellationToken) is null)
            await ScheduleAsync(scheduler, trigger, cancellationToken);
    }

    /// <summary>Every trigger's next firing, for the admin endpoint; brand reminders in the brand's zone.</summary>
    public async Task<IReadOnlyList<ScheduledFire>> NextFiresAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var headers = (await scheduler.QueryTriggers(new TriggerQuery { Take = PagedQuery.All }, cancellationToken)).Items;
        var fires = new List<ScheduledFire>();
        foreach (var header in headers)
        {
            var trigger = await scheduler.GetTrigger(header.Key, cancellationToken);
            if (trigger is null) continue;
            var next = trigger.NextFireTimeUtc;
            if (trigger.JobDataMap.TryGetValue(BrandJobData.Zone, out var zone) && zone is string zoneId && next is not null)
                next = TimeZoneInfo.ConvertTime(next.Value, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
            int? brandId = trigger.JobDataMap.TryGetValue(BrandReminderJob.BrandKey, out var id) && id is string text
                ? int.Parse(text, CultureInfo.InvariantCulture)
                : null;
            fires.Add(new ScheduledFire(brandId, header.Key.Name, next));
        }
        return fires.OrderBy(f => f.NextFire).ToList();
    }

    private async Task SyncBrandAsync(IScheduler scheduler, int brandId, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(brandId, cancellationToken);
        var group = GroupOf(brandId);
        foreach (var reminder in plan)
        {
            var key = new TriggerKey(reminder.Name, group);
            var current = await scheduler.GetTrigger(key, cancellationToken);
            if (current is not null && current.JobDataMap.TryGetValue(BrandReminderJob.SignatureKey, out var signature) && Equals(signature, reminder.Signature))
                continue;
            var trigger = Build(reminder, reminder.NextAfter(clock.GetUtcNow()));
            if (current is null) await ScheduleAsync(scheduler, trigger, cancellationToken);
            else await scheduler.RescheduleJob(key, trigger, cancellationToken);
            logger.LogInformation("Scheduled {Reminder} of brand {Brand} for {Next:O}", reminder.Name, brandId, trigger.StartTimeUtc);
        }
        foreach (var stale in (await scheduler.QueryTriggers(new TriggerQuery { Job = BrandJob, Take = PagedQuery.All }, cancellationToken)).Items)
            if (stale.Key.Group == group && plan.All(r => r.Name != stale.Key.Name))
                await scheduler.UnscheduleJob(stale.Key, cancellationToken);
    }

    private async Task<IReadOnlyList<PlannedReminder>> PlanAsync(int brandId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ReminderPlan.LoadAsync(scope.ServiceProvider.GetRequiredService<CmBotDb>(), brandId, cancellationToken);
    }

    private static ITrigger Build(PlannedReminder reminder, DateTimeOffset slot) => TriggerBuilder.Create()
        .WithIdentity(reminder.Name, GroupOf(reminder.BrandId))
        .ForJob(BrandJob)
        .UsingJobData(BrandReminderJob.BrandKey, reminder.BrandId.ToString(CultureInfo.InvariantCulture))
        .UsingJobData(BrandReminderJob.NameKey, reminder.Name)
        .UsingJobData(BrandReminderJob.SlotKey, slot.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture))
        .UsingJobData(BrandReminderJob.SignatureKey, reminder.Signature)
        .UsingJobData(BrandJobData.Zone, reminder.TimeZoneId)
        .StartAt(slot)
        // Missed while down: fire once as soon as the scheduler is back; the job decides if it is still worth posting.
        .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
        .Build();

    /// <summary>The durable jobs, and the watches' repeating triggers; two instances starting at once may both try.</summary>
    private async Task EnsureJobsAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        await scheduler.AddJob(JobBuilder.Create<BrandReminderJob>().WithIdentity(BrandJob).StoreDurably().Build(), AddJobOptions.Replacing, cancellationToken);
        await EnsureWatchAsync<CommentDeadlineJob>(scheduler, CommentJob, cancellationToken);
        await EnsureWatchAsync<DraftNudgeJob>(scheduler, DraftJob, cancellationToken);
    }

    private async Task EnsureWatchAsync<TJob>(IScheduler scheduler, JobKey job, CancellationToken cancellationToken) where TJob : IJob
    {
        await scheduler.AddJob(JobBuilder.Create<TJob>().WithIdentity(job).StoreDurably().Build(), AddJobOptions.Replacing, cancellationToken);
        var key = new TriggerKey(job.Name, job.Group);
        if (await scheduler.Exists(key, cancellationToken)) return;
        // First run one interval on: a host that just started has nothing overdue to find yet.
        await ScheduleAsync(scheduler, TriggerBuilder.Create().WithIdentity(key).ForJob(job).StartAt(clock.GetUtcNow() + options.Value.WatchInterval)
            // A watch looks at "now": missed runs are not made up, the next one covers them.
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(options.Value.WatchInterval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build(), cancellationToken);
    }

    private static async Task ScheduleAsync(IScheduler scheduler, ITrigger trigger, CancellationToken cancellationToken)
    {
        try
        {
            await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another instance scheduled it at the same moment: one trigger is what we want.
        }
    }
}
