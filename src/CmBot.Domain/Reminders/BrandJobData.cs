namespace CmBot.Domain.Reminders;

/// <summary>Job data kept on brand triggers beside what the job reads: the zone their next fire is shown in.</summary>
public static class BrandJobData
{
    public const string Zone = "zone";
}
