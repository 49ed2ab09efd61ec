using CmBot.Domain.Comments;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Numbers;

/// <summary>
/// The comment side of <see cref="TeamNumbers"/> for one span, counted by the database: a big brand gets thousands
/// of comments a week, and only the counts and the replies' durations (one number each, for the median) come back.
/// </summary>
/// <param name="Replied">Comments that needed a reply and were replied, with the time of the reply.</param>
internal sealed record CommentNumbers(int Received, int Replied, int RepliedInTime, int Expected)
{
    public TimeSpan? MedianReplyTime { get; init; }

    public static async Task<CommentNumbers> ComputeAsync(CmBotDb db, int brandId, DateTimeOffset start, DateTimeOffset end,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var counts = await db.Comments
            .Where(c => c.BrandId == brandId && c.ReceivedAt >= start && c.ReceivedAt < end)
            .GroupBy(c => c.BrandId)
            .Select(g => new CommentNumbers(
                g.Count(),
                g.Count(c => c.NeedsReply && c.State == CommentState.Replied && c.HandledAt != null),
                g.Count(c => c.NeedsReply && c.State == CommentState.Replied && c.HandledAt != null && c.HandledAt <= c.DeadlineAt),
                g.Count(c => c.NeedsReply && (c.State == CommentState.Replied || (c.State == CommentState.Open && c.DeadlineAt < now)))))
            .SingleOrDefaultAsync(cancellationToken);
        if (counts is null) return new CommentNumbers(0, 0, 0, 0);
        if (counts.Replied == 0) return counts;

        // LINQ cannot subtract two instants stored through a converter, hence SQL, the same on SQLite and
        // PostgreSQL; instants are Unix milliseconds there (StoreConversions.UtcMilliseconds). The durations come back,
        // a number each, and the middle is found here: SQLite's ORDER BY … OFFSET sorted them as records, slower.
        var (from, until, replied) = (start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds(), nameof(CommentState.Replied));
        var took = await db.Database.SqlQuery<long>($"""
            SELECT "HandledAt" - "ReceivedAt" AS "Value" FROM "Comments"
            WHERE "BrandId" = {brandId} AND "ReceivedAt" >= {from} AND "ReceivedAt" < {until}
              AND "NeedsReply" AND "State" = {replied} AND "HandledAt" IS NOT NULL
            """).ToListAsync(cancellationToken);
        return counts with { MedianReplyTime = TeamNumbersQuery.Median(took.Select(ms => TimeSpan.FromMilliseconds(ms))) };
    }
}
