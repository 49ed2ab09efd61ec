namespace CmBot.Domain.Drafts;

/// <summary>The keys of a draft click's data: the ids the card put there and the ids of its form inputs.</summary>
public static class DraftFields
{
    public const string DraftId = "draftId";
    /// <summary>The revision the card showed; a click on an older one is refused.</summary>
    public const string Revision = "revision";
    public const string Comment = "comment";
    public const string Reason = "reason";
    public const string Text = "text";
    /// <summary>Comma-separated network names, as a multi-select choice sends them.</summary>
    public const string Networks = "networks";
    /// <summary>The planned day, yyyy-MM-dd in the brand's time zone.</summary>
    public const string Date = "date";
    /// <summary>The planned time of day, HH:mm in the brand's time zone.</summary>
    public const string Time = "time";
}
