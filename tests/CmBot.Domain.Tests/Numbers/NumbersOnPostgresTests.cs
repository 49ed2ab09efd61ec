using CmBot.Domain.Brands;
using CmBot.Domain.Comments;
using CmBot.Domain.Common;
using CmBot.Domain.Numbers;
using CmBot.Domain.Store;
using CmBot.Domain.Tests.Reminders;
using CmBot.Domain.Tests.Support;

namespace CmBot.Domain.Tests.Numbers;

/// <summary>
/// The numbers' SQL (sums per series, comment counts, the middle replies) on PostgreSQL, in a database migrated
/// as a host does it. Needs CMBOT_TEST_POSTGRES; each run works in a database of its own, dropped at the end.
/// </summary>
public sealed class NumbersOnPostgresTests : IAsyncLifetime
{
    private readonly ManualClock clock = ManualClock.Default();
    /// <summary>Monday 16 November 2026, 00:00 in Paris: the start of the clock's week.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 0, 0, 0, TimeSpan.FromHours(1));
    private PostgresDatabase? database;

    public async Task InitializeAsync()
    {
        if (PostgresFactAttribute.ConnectionString is not null) database = await PostgresDatabase.CreateAsync();
    }

    [PostgresFact]
    public async Task Numbers_OnPostgres_SumFlows_ReadLevelsOnTheLatestDay_AndTakeTheMiddleReplies()
    {
        await using var db = new CmBotDb(database!.Options.DbContextOptions());
        var brand = new BrandBuilder().SaveIn(db);
        db.Sample(brand.Id, Network.Instagram, Metrics.Impressions, "2026-11-16", 700);
        db.Sample(brand.Id, Network.Instagram, Metrics.Impressions, "2026-11-17", 300);
        db.Sample(brand.Id, Network.Instagram, Metrics.Followers, "2026-11-18", 1010);
        db.Sample(brand.Id, Network.Instagram, Metrics.Followers, "2026-11-16", 1000);
        foreach (var minutes in new[] { 90, 10, 40, 20 })
        {
            var comment = Comment.Receive(brand, Network.Instagram, "@joe", "hi", null, Monday.AddHours(minutes));
            comment.MarkReplied(BrandBuilder.Ana, comment.ReceivedAt.AddMinutes(minutes), null, Language.En);
            db.Comments.Add(comment);
        }
        db.Comments.Add(Comment.Receive(brand, Network.Instagram, "@joe", "still waiting", null, Monday.AddDays(1))); // overdue
        await db.SaveChangesAsync();

        var numbers = await new NumbersCalculator(db, clock).ComputeAsync(brand, lastWeek: false);

        Assert.Equal([(Metrics.Followers, 1010), (Metrics.Impressions, 1000)], numbers.Totals.Select(m => (m.Metric, m.Current!.Value)));
        var team = numbers.Team;
        Assert.Equal((5, 3, 5), (team.CommentsReceived, team.RepliedInTime, team.RepliesExpected));
        Assert.Equal(TimeSpan.FromMinutes(30), team.MedianReplyTime);
    }

    public async Task DisposeAsync()
    {
        if (database is not null) await database.DisposeAsync();
    }
}
