namespace CmBot.Domain.Routines;

/// <summary>
/// A chore as the catalogue knows it: its cadence, its default slot in the brand's local time, its names
/// and the words people type for it ("blog", "veille", "pub").
/// </summary>
/// <param name="Day">For weekly chores; monthly and quarterly ones fall on the first working day of their period.</param>
public sealed record RoutineDefinition(
    RoutineKind Kind,
    Cadence Cadence,
    DayOfWeek Day,
    TimeOnly Time,
    string TitleEn,
    string TitleFr,
    bool OnByDefault,
    IReadOnlyList<string> Aliases);
