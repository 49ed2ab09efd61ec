using CmBot.Domain.Comments;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Numbers;

/// <summary>
/// The comment side of <see cref="TeamNumbers"/> for one span, computed by the database: a big brand gets thousands
/// of comments a week, and only counts and the one or two replies in the middle come back.
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
        // PostgreSQL; instants are Unix milliseconds there (StoreConversions.UtcMilliseconds).
        var (from, until, replied) = (start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds(), nameof(CommentState.Replied));
        var (take, skip) = (2 - counts.Replied % 2, (counts.Replied - 1) / 2);
        var middle = await db.Database.SqlQuery<long>($"""
            SELECT "HandledAt" - "ReceivedAt" AS "Value" FROM "Comments"
            WHERE "BrandId" = {brandId} AND "ReceivedAt" >= {from} AND "ReceivedAt" < {until}
              AND "NeedsReply" AND "State" = {replied} AND "HandledAt" IS NOT NULL
            ORDER BY 1 LIMIT {take} OFFSET {skip}
            """).ToListAsync(cancellationToken);
        return counts with { MedianReplyTime = TeamNumbersQuery.Median(middle.Select(ms => TimeSpan.FromMilliseconds(ms))) };
    }
}
