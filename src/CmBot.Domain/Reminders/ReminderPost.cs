namespace CmBot.Domain.Reminders;

/// <summary>
/// "Already posted for this period": one row per (brand, reminder, period), written in the same unit of work
/// as the outbox rows it caused. Its unique key makes a re-fired or doubly fired job post nothing twice.
/// </summary>
public sealed class ReminderPost
{
    public long Id { get; set; }
    public int BrandId { get; set; }
    /// <summary>"agenda:2026-W48", "routine:17:card", "routine:17:reminder"; unique per brand.</summary>
    public required string Key { get; set; }
    /// <summary>The slot the post stands for, and when it was written.</summary>
    public DateTimeOffset SlotAt { get; set; }
    public DateTimeOffset PostedAt { get; set; }
}
