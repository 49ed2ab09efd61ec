using CmBot.Domain.Common;
using CmBot.Domain.Store;
using CmBot.Domain.Routines;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Tests.Routines;

public sealed class RoutineStoreTests : IDisposable
{
    private readonly TestStore store = new();
    private readonly ManualClock clock = ManualClock.Default();
    private readonly int brandId;

    public RoutineStoreTests()
    {
        using var db = store.NewDb();
        brandId = new BrandBuilder().SaveIn(db).Id;
    }

    [Fact]
    public async Task EnsureRoutines_TwiceOver_GivesOneRowPerKind_OnlyInfluencerAndAboutOn()
    {
        await using (var first = store.NewDb()) await RoutineSetup.EnsureAsync(first, brandId, CancellationToken.None);
        await using (var second = store.NewDb()) await RoutineSetup.EnsureAsync(second, brandId, CancellationToken.None);

        await using var db = store.NewDb();
        var routines = await db.Routines.Where(r => r.BrandId == brandId).ToListAsync();
        Assert.Equal(Enum.GetValues<RoutineKind>().Length, routines.Count);
        Assert.Equal([RoutineKind.InfluencerContact, RoutineKind.AboutReview], routines.Where(r => r.Enabled).Select(r => r.Kind).Order());
        var influencer = routines.Single(r => r.Kind == RoutineKind.InfluencerContact);
        Assert.Equal((Cadence.Weekly, DayOfWeek.Tuesday, new TimeOnly(10, 0)), (influencer.Cadence, influencer.Day, influencer.Time));
    }

    [Fact]
    public async Task GetOrCreateOccurrence_TwiceInThePeriod_FindsTheSameRow()
    {
        int firstId, secondId;
        await using (var db = store.NewDb())
        {
            var routine = await RoutineSetup.EnsureAsync(db, brandId, RoutineKind.InfluencerContact, CancellationToken.None);
            firstId = (await OccurrenceBook.GetOrCreateAsync(db, routine, await TimeAsync(db), clock.GetUtcNow(), CancellationToken.None)).Id;
        }
        clock.Advance(TimeSpan.FromDays(1)); // Sunday: still week 47.
        await using (var db = store.NewDb())
        {
            var routine = await RoutineSetup.EnsureAsync(db, brandId, RoutineKind.InfluencerContact, CancellationToken.None);
            secondId = (await OccurrenceBook.GetOrCreateAsync(db, routine, await TimeAsync(db), clock.GetUtcNow(), CancellationToken.None)).Id;
        }

        Assert.Equal(firstId, secondId);
        await using var check = store.NewDb();
        var occurrence = await check.RoutineOccurrences.SingleAsync();
        Assert.Equal("2026-W47", occurrence.Period);
        Assert.Equal(new DateTimeOffset(2026, 11, 17, 9, 0, 0, TimeSpan.Zero), occurrence.DueAt); // Tuesday 10:00 in Paris.
    }

    [Fact]
    public async Task GetOrCreateOccurrence_InTheNextPeriod_CreatesANewRow()
    {
        await using var db = store.NewDb();
        var routine = await RoutineSetup.EnsureAsync(db, brandId, RoutineKind.InfluencerContact, CancellationToken.None);
        var time = await TimeAsync(db);
        var thisWeek = await OccurrenceBook.GetOrCreateAsync(db, routine, time, clock.GetUtcNow(), CancellationToken.None);
        var nextWeek = await OccurrenceBook.GetOrCreateAsync(db, routine, time, clock.GetUtcNow().AddDays(2), CancellationToken.None);

        Assert.NotEqual(thisWeek.Id, nextWeek.Id);
        Assert.Equal("2026-W48", nextWeek.Period);
    }

    private async Task<BrandTime> TimeAsync(CmBotDb db) => (await db.Brands.SingleAsync()).Time(clock);

    public void Dispose() => store.Dispose();
}
