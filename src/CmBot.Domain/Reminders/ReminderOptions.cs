namespace CmBot.Domain.Reminders;

/// <summary>The "Reminders" section: how late a missed reminder may still be posted, and how Quartz runs.</summary>
public sealed class ReminderOptions
{
    /// <summary>A reminder missed while the bot was down is posted once on return if its slot is at most this old.</summary>
    public TimeSpan MissedHorizon { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How late Quartz may be before a firing counts as missed and its misfire instruction applies.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the comment-deadline and draft-nudge watches run.</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A comment's "time is running out" reminder comes when this much is left.</summary>
    public TimeSpan CommentWarningBefore { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A draft still pending this long before its planned time nudges the approvers.</summary>
    public TimeSpan DraftNudgeBefore { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Clustered (PostgreSQL) instances check in this often; a silent one's work is taken over.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Quartz's instance id; "AUTO" makes a unique one per process, which clustering needs.</summary>
    public string InstanceId { get; set; } = "AUTO";

    /// <summary>Off in hosts that must not run jobs (tools, some tests).</summary>
    public bool Enabled { get; set; } = true;
}
