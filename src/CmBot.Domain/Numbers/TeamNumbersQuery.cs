using CmBot.Domain.Common;
using CmBot.Domain.Drafts;
using CmBot.Domain.Routines;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Numbers;

/// <summary>
/// The team's own numbers for one span. Each query filters by brand and by an instant range in the database.
/// Comments are counted there (<see cref="CommentNumbers"/>); approvals and routine occurrences, a few a week,
/// come back as rows of a few columns, and their median and periods are taken in memory.
/// </summary>
public sealed class TeamNumbersQuery(CmBotDb db)
{
    public async Task<TeamNumbers> ComputeAsync(int brandId, NumbersSpan span, BrandTime time, CancellationToken cancellationToken)
    {
        var (start, end, now) = (span.Start, span.End, time.Now);

        var approvals = await db.Drafts.AsNoTracking()
            .Where(d => d.BrandId == brandId && d.DecidedAt >= start && d.DecidedAt < end
                && (d.State == DraftState.Approved || d.State == DraftState.Published))
            .Select(d => new { d.CreatedAt, d.DecidedAt })
            .ToListAsync(cancellationToken);

        var comments = await CommentNumbers.ComputeAsync(db, brandId, start, end, now, cancellationToken);

        var contacts = await db.InfluencerContacts
            .CountAsync(c => c.BrandId == brandId && c.ContactedAt >= start && c.ContactedAt < end, cancellationToken);

        var occurrences = await db.RoutineOccurrences.AsNoTracking()
            .Where(o => o.BrandId == brandId && o.DueAt >= start && o.DueAt < end && o.State != OccurrenceState.Skipped)
            .Select(o => new { o.Period, o.DueAt, o.State, o.DoneAt })
            .ToListAsync(cancellationToken);
        var routines = occurrences
            .Select(o => (o.State, o.DoneAt, End: RoutinePeriods.EndOf(o.Period, o.DueAt, time)))
            .Where(o => o.State == OccurrenceState.Done || o.End <= now)
            .ToList();

        return new TeamNumbers(
            DraftsApproved: approvals.Count,
            MedianTimeToApproval: Median(approvals.Select(a => a.DecidedAt!.Value - a.CreatedAt)),
            CommentsReceived: comments.Received,
            RepliedInTime: comments.RepliedInTime,
            RepliesExpected: comments.Expected,
            MedianReplyTime: comments.MedianReplyTime,
            InfluencerContacts: contacts,
            RoutinesOnTime: routines.Count(o => o.State == OccurrenceState.Done && o.DoneAt <= o.End),
            RoutinesCounted: routines.Count);
    }

    /// <summary>The middle value; the mean of the two middle ones for an even count; null for none.</summary>
    public static TimeSpan? Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
