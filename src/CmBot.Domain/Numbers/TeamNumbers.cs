namespace CmBot.Domain.Numbers;

/// <summary>What the team itself did in one span, read from the store rather than from the networks.</summary>
/// <param name="RepliesExpected">
/// The denominator of the share replied in time: comments received in the span that needed a reply and were
/// not dismissed, and are either replied or already past their deadline. A comment still inside its deadline
/// is neither a success nor a miss yet; a comment never answered after its deadline is a miss.
/// </param>
/// <param name="RoutinesCounted">
/// Routine occurrences due in the span that are done, or whose period ended undone (missed). Skipped ones and
/// ones whose period is still running are left out.
/// </param>
public sealed record TeamNumbers(
    int DraftsApproved,
    TimeSpan? MedianTimeToApproval,
    int CommentsReceived,
    int RepliedInTime,
    int RepliesExpected,
    TimeSpan? MedianReplyTime,
    int InfluencerContacts,
    int RoutinesOnTime,
    int RoutinesCounted)
{
    /// <summary>Between 0 and 1; null when no comment counts yet.</summary>
    public double? ShareRepliedInTime => RepliesExpected == 0 ? null : (double)RepliedInTime / RepliesExpected;
}
