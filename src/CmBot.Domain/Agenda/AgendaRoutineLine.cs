using CmBot.Domain.Routines;

namespace CmBot.Domain.Agenda;

/// <summary>One routine occurrence of the agenda's week, as the agenda tells it.</summary>
/// <param name="Missed">Skipped, or its time passed without it being done (and no snooze still running).</param>
public sealed record AgendaRoutineLine(RoutineKind Kind, OccurrenceState State, string? ByName, DateTimeOffset DueAt, bool Missed);
