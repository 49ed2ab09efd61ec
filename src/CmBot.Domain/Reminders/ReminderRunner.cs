using CmBot.Domain.Delivery;
using CmBot.Domain.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CmBot.Domain.Reminders;

/// <summary>
/// Runs one firing of a brand's reminder in its own unit of work: reads the brand's current plan (a reminder
/// switched off since it was scheduled posts nothing), applies the missed-while-down horizon, posts once.
/// The Quartz job is a thin shell around this, so tests run it with a manual clock and no scheduler.
/// </summary>
public sealed class ReminderRunner(
    IServiceScopeFactory scopes,
    ReminderPoster poster,
    OutboxSignal outboxSignal,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    ILogger<ReminderRunner> logger)
{
    public async Task<ReminderOutcome> RunAsync(int brandId, string name, DateTimeOffset scheduledSlot, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        var reminder = (await ReminderPlan.LoadAsync(db, brandId, cancellationToken)).FirstOrDefault(r => r.Name == name);
        if (reminder is null) return ReminderOutcome.NothingToPost;
        var now = clock.GetUtcNow();
        if (ReminderFiring.SlotToPost(reminder, scheduledSlot, now, options.Value.MissedHorizon) is not { } slot)
        {
            logger.LogWarning("Dropped {Reminder} of brand {Brand}: its slot {Slot:O} was missed by more than {Horizon}",
                name, brandId, scheduledSlot, options.Value.MissedHorizon);
            return ReminderOutcome.TooOld;
        }
        var outcome = await poster.PostAsync(db, reminder, slot, cancellationToken);
        if (outcome == ReminderOutcome.Posted) outboxSignal.Notify();
        logger.LogInformation("{Reminder} of brand {Brand} for {Slot:O}: {Outcome}", name, brandId, slot, outcome);
        return outcome;
    }
}
