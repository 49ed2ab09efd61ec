using CmBot.Domain.Brands;

namespace CmBot.Domain.Drafts;

/// <summary>
/// A post proposed for one or more networks, on its way through approval. The data lives here; the moves
/// (create, approve, request changes, reject, edit, mark published) are in Draft.Rules.cs.
/// </summary>
public sealed partial class Draft
{
    public int Id { get; set; }
    public int BrandId { get; set; }
    public required string Text { get; set; }
    public List<Network> Networks { get; set; } = [];
    public List<string> Links { get; set; } = [];
    public List<string> Hashtags { get; set; } = [];
    public DateTimeOffset? PlannedAt { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DraftState State { get; set; } = DraftState.Pending;
    /// <summary>1 for the first text; every edit adds one. Card actions carry it so a stale click is refused.</summary>
    public int Revision { get; set; } = 1;
    public string? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    /// <summary>The requested changes or the rejection reason.</summary>
    public string? DecisionNote { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>When the approvers were nudged, an hour before <see cref="PlannedAt"/>; set once, by the nudge job.</summary>
    public DateTimeOffset? ApproversNudgedAt { get; set; }
    /// <summary>Optimistic concurrency token: two decisions at once, only one saves.</summary>
    public int Version { get; set; }
    public List<DraftRevision> Revisions { get; set; } = [];

    /// <summary>When the current revision was put up for approval: the last edit, or the creation.</summary>
    public DateTimeOffset SubmittedAt => Revisions.Count == 0 ? CreatedAt : Revisions.Max(r => r.EditedAt);
}
