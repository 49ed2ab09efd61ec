namespace CmBot.Domain.Routines;

/// <summary>A recurring chore of one brand, with its slot in the brand's local time.</summary>
public sealed class Routine
{
    public int Id { get; set; }
    public int BrandId { get; set; }
    public RoutineKind Kind { get; set; }
    public bool Enabled { get; set; }
    public Cadence Cadence { get; set; }
    /// <summary>For weekly chores; monthly ones fall on the first working day.</summary>
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;
    public TimeOnly Time { get; set; } = new(10, 0);
    public List<RoutineOccurrence> Occurrences { get; set; } = [];
}
