namespace CmBot.Domain.Routines;

/// <summary>What a click did to an occurrence: changed it, or found it already in that state.</summary>
public enum OccurrenceOutcome
{
    Changed,
    AlreadyDone,
    AlreadySnoozed,
    AlreadySkipped,
    /// <summary>Another click saved first and left the occurrence in a state that does not answer this one.</summary>
    Superseded,
}
