using CmBot.Domain.Cards;
using CmBot.Domain.Routines;
using CmBot.Domain.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Tests.Routines;

/// <summary>Posts a routine's card as the scheduled job will: the current period's occurrence and its card.</summary>
internal static class RoutinePosting
{
    public static async Task<Card> PostAsync(TestStore store, TimeProvider clock, RoutineKind kind)
    {
        await using var db = store.NewDb();
        var brand = await db.Brands.SingleAsync();
        var (_, card) = await RoutineCards.ForCurrentPeriodAsync(db, brand, kind, clock, CancellationToken.None);
        return card;
    }
}
