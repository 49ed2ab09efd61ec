using CmBot.Domain.Brands;

namespace CmBot.Domain.Drafts;

/// <summary>One edit of a draft: who, when, and the content before and after.</summary>
public sealed class DraftRevision
{
    public int Id { get; set; }
    public int DraftId { get; set; }
    public int Number { get; set; }
    public required string EditedById { get; set; }
    public required string EditedByName { get; set; }
    public DateTimeOffset EditedAt { get; set; }
    public required string TextBefore { get; set; }
    public required string TextAfter { get; set; }
    public List<Network> NetworksBefore { get; set; } = [];
    public List<Network> NetworksAfter { get; set; } = [];
    public DateTimeOffset? PlannedAtBefore { get; set; }
    public DateTimeOffset? PlannedAtAfter { get; set; }
}
