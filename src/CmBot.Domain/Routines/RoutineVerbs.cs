namespace CmBot.Domain.Routines;

/// <summary>The routine cards' buttons; a click's path from JSON to rule starts with one of these.</summary>
public static class RoutineVerbs
{
    public const string Done = "routine.done";
    public const string Snooze = "routine.snooze";
    public const string Skip = "routine.skip";
    public const string SomeoneElse = "routine.someone-else";
    public const string Reviewed = "routine.about-reviewed";

    /// <summary>Keys of the click data. Every id is re-checked against the conversation's brand.</summary>
    public const string BrandKey = "brand";
    public const string OccurrenceKey = "occurrence";
    public const string InfluencerKey = "influencer";
    public const string ProfileKey = "profile";
}
