namespace CmBot.Domain.Reminders;

/// <summary>One trigger's next firing, as the admin endpoint lists it.</summary>
/// <param name="BrandId">Null for the watches that serve every brand.</param>
/// <param name="NextFire">In the brand's zone (UTC for the watches), so its offset reads as local time.</param>
public sealed record ScheduledFire(int? BrandId, string Job, DateTimeOffset? NextFire);
