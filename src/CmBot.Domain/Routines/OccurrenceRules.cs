using CmBot.Domain.Common;

namespace CmBot.Domain.Routines;

/// <summary>
/// The moves of an occurrence: due → done | snoozed until | skipped. A move already made is reported, not
/// repeated, so a double click or a retried delivery changes nothing twice.
/// </summary>
public static class OccurrenceRules
{
    public static readonly TimeSpan SnoozeFor = TimeSpan.FromDays(1);

    public static OccurrenceOutcome Done(RoutineOccurrence occurrence, ChatUser who, DateTimeOffset now)
    {
        if (occurrence.State == OccurrenceState.Done) return OccurrenceOutcome.AlreadyDone;
        Close(occurrence, OccurrenceState.Done, who, now);
        return OccurrenceOutcome.Changed;
    }

    public static OccurrenceOutcome Snooze(RoutineOccurrence occurrence, ChatUser who, DateTimeOffset now)
    {
        if (Standing(occurrence, now) is { } already) return already;
        occurrence.State = OccurrenceState.Snoozed;
        occurrence.SnoozedUntil = now + SnoozeFor;
        occurrence.SnoozedById = who.Id;
        occurrence.SnoozedByName = who.Name;
        return OccurrenceOutcome.Changed;
    }

    public static OccurrenceOutcome Skip(RoutineOccurrence occurrence, ChatUser who, DateTimeOffset now)
    {
        if (occurrence.State is OccurrenceState.Done or OccurrenceState.Skipped) return Standing(occurrence, now)!.Value;
        Close(occurrence, OccurrenceState.Skipped, who, now);
        return OccurrenceOutcome.Changed;
    }

    /// <summary>The state a click finds the occurrence in, when that state already answers it; null while it is open.</summary>
    public static OccurrenceOutcome? Standing(RoutineOccurrence occurrence, DateTimeOffset now) => occurrence.State switch
    {
        OccurrenceState.Done => OccurrenceOutcome.AlreadyDone,
        OccurrenceState.Skipped => OccurrenceOutcome.AlreadySkipped,
        OccurrenceState.Snoozed when occurrence.SnoozedUntil > now => OccurrenceOutcome.AlreadySnoozed,
        _ => null,
    };

    public static bool IsClosed(RoutineOccurrence occurrence) => occurrence.State is OccurrenceState.Done or OccurrenceState.Skipped;

    private static void Close(RoutineOccurrence occurrence, OccurrenceState state, ChatUser who, DateTimeOffset now)
    {
        occurrence.State = state;
        occurrence.DoneById = who.Id;
        occurrence.DoneByName = who.Name;
        occurrence.DoneAt = now;
        occurrence.SnoozedUntil = null;
    }
}
