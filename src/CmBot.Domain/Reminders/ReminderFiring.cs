namespace CmBot.Domain.Reminders;

/// <summary>
/// Which slot a firing stands for, and whether it is still worth posting. A firing that comes late (the bot
/// was down, Quartz fired the missed trigger once on return) stands for the latest slot that has passed, so
/// several missed slots make one post; a slot older than the horizon makes none.
/// </summary>
public static class ReminderFiring
{
    /// <returns>The slot to post for, or null when even the latest missed one is older than <paramref name="horizon"/>.</returns>
    public static DateTimeOffset? SlotToPost(PlannedReminder reminder, DateTimeOffset scheduledSlot, DateTimeOffset now, TimeSpan horizon)
    {
        var latest = SlotClock.LastAtOrBefore(reminder.Slot, reminder.Zone, now);
        var slot = latest > scheduledSlot ? latest : scheduledSlot;
        return now - slot > horizon ? null : slot;
    }
}
