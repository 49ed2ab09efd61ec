namespace CmBot.Domain.Reminders;

/// <summary>What one firing of a reminder did.</summary>
public enum ReminderOutcome
{
    Posted,
    /// <summary>This period's post was already written (a re-fire, another instance): nothing posted twice.</summary>
    AlreadyPosted,
    /// <summary>Nothing to say: the routine is off or done, every profile ticked, the brand gone.</summary>
    NothingToPost,
    /// <summary>Missed while the bot was down, longer ago than the horizon: dropped.</summary>
    TooOld,
}
