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

        var took = await ReplyTimesAsync(db, brandId, start, end, counts.Replied, cancellationToken);
        took.Sort();
        var middle = took.Skip((took.Count - 1) / 2).Take(2 - took.Count % 2);
        return counts with { MedianReplyTime = TeamNumbersQuery.Median(middle.Select(ms => TimeSpan.FromMilliseconds(ms))) };
    }

    /// <summary>
    /// How long each reply of the span took, in milliseconds. Sorting a few thousand numbers here costs less than
    /// SQLite's ORDER BY … LIMIT … OFFSET, and reading them straight from the connection, rather than through EF's
    /// SqlQuery, spares the ~200 bytes and microseconds it spends materializing each row. SQL because LINQ cannot
    /// subtract two instants stored through a converter; instants are Unix milliseconds on SQLite and PostgreSQL
    /// alike (StoreConversions.UtcMilliseconds).
    /// </summary>
    private static Task<List<long>> ReplyTimesAsync(CmBotDb db, int brandId, DateTimeOffset start, DateTimeOffset end,
        int expected, CancellationToken cancellationToken) =>
        db.ReadAsync("""
            SELECT "HandledAt" - "ReceivedAt" FROM "Comments"
            WHERE "BrandId" = @brand AND "ReceivedAt" >= @from AND "ReceivedAt" < @until
              AND "NeedsReply" AND "State" = @replied AND "HandledAt" IS NOT NULL
            """,
            new Dictionary<string, object>
            {
                ["brand"] = brandId, ["from"] = start.ToUnixTimeMilliseconds(), ["until"] = end.ToUnixTimeMilliseconds(),
                ["replied"] = nameof(CommentState.Replied),
            },
            reader => reader.GetInt64(0), expected, cancellationToken);
}
