namespace CmBot.Domain.Agenda;

/// <summary>A point for the weekly sync; until discussed it carries over to the following weeks.</summary>
public sealed class AgendaItem
{
    public int Id { get; set; }
    public int BrandId { get; set; }
    /// <summary>ISO week-numbering year and week the item was added for.</summary>
    public int WeekYear { get; set; }
    public int Week { get; set; }
    public required string Text { get; set; }
    public required string AddedById { get; set; }
    public required string AddedByName { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset? DiscussedAt { get; set; }
    public string? DiscussedByName { get; set; }
}
