namespace CmBot.Domain.Agenda;

/// <summary>The agenda card's buttons; a click's path from JSON to rule starts with one of these.</summary>
public static class AgendaVerbs
{
    public const string MarkDiscussed = "agenda.discussed";
    public const string Add = "agenda.add";

    /// <summary>Keys of the click data. Every id is re-checked against the conversation's brand.</summary>
    public const string BrandKey = "brand";
    public const string ItemKey = "item";
    public const string YearKey = "year";
    public const string WeekKey = "week";
    public const string TextKey = "text";
}
