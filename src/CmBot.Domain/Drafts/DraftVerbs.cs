namespace CmBot.Domain.Drafts;

/// <summary>The verbs of the draft card's buttons; search one to follow a click from the wire to its rule.</summary>
public static class DraftVerbs
{
    /// <summary>Handled by <see cref="DraftDecisionHandler"/>.</summary>
    public const string Approve = "draft.approve";
    /// <summary>Handled by <see cref="DraftDecisionHandler"/>; the form carries <see cref="DraftFields.Comment"/>.</summary>
    public const string RequestChanges = "draft.request-changes";
    /// <summary>Handled by <see cref="DraftDecisionHandler"/>; the form carries <see cref="DraftFields.Reason"/>.</summary>
    public const string Reject = "draft.reject";
    /// <summary>Handled by <see cref="DraftDecisionHandler"/>.</summary>
    public const string MarkPublished = "draft.mark-published";
    /// <summary>Handled by <see cref="DraftEditHandler"/>; the form carries text, networks, date and time.</summary>
    public const string Edit = "draft.edit";
}
