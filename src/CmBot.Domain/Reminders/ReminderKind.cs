namespace CmBot.Domain.Reminders;

/// <summary>What a brand's scheduled reminder posts.</summary>
public enum ReminderKind
{
    /// <summary>The weekly sync agenda card, at the brand's SyncDay/SyncTime.</summary>
    Agenda,
    /// <summary>A routine's card for its period, at the routine's slot, while the routine is on.</summary>
    Routine,
    /// <summary>Friday's one reminder when the week's influencer contact is still open.</summary>
    InfluencerReminder,
    /// <summary>A week after the About review, one reminder while some profiles are still unticked.</summary>
    AboutReminder,
}
