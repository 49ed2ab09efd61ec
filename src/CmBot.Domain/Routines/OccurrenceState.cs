namespace CmBot.Domain.Routines;

public enum OccurrenceState { Due, Done, Snoozed, Skipped }
