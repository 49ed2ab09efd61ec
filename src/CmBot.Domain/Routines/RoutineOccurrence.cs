namespace CmBot.Domain.Routines;

/// <summary>One period of a routine ("2026-W47", "2026-11", "2026-11-21"): due, then done, snoozed or skipped.</summary>
public sealed class RoutineOccurrence
{
    public int Id { get; set; }
    public int RoutineId { get; set; }
    public int BrandId { get; set; }
    public required string Period { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public OccurrenceState State { get; set; } = OccurrenceState.Due;
    /// <summary>Who closed the occurrence, and when: done, or skipped.</summary>
    public string? DoneById { get; set; }
    public string? DoneByName { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public DateTimeOffset? SnoozedUntil { get; set; }
    /// <summary>Who snoozed it, so a second click can be told who already did.</summary>
    public string? SnoozedById { get; set; }
    public string? SnoozedByName { get; set; }
    /// <summary>For the influencer chore: who was proposed this period.</summary>
    public int? InfluencerId { get; set; }
    /// <summary>Concurrency token: handlers add one on every change, so of two clicks at once only one saves.</summary>
    public int Version { get; set; }
}
