using CmBot.Domain.Common;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Routines;

/// <summary>Occurrences in the store: one per (routine, period), and saved under their concurrency token.</summary>
public static class OccurrenceBook
{
    /// <summary>
    /// The occurrence of the period holding <paramref name="at"/>, created once: a job firing twice, or two
    /// instances at once, find the same row (the unique index settles the race).
    /// </summary>
    public static async Task<RoutineOccurrence> GetOrCreateAsync(CmBotDb db, Routine routine, BrandTime time, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var day = time.DayOf(at);
        var period = RoutinePeriods.Key(routine.Cadence, day);
        var found = await db.RoutineOccurrences.FirstOrDefaultAsync(o => o.RoutineId == routine.Id && o.Period == period, cancellationToken);
        if (found is not null) return found;
        var occurrence = new RoutineOccurrence
        {
            RoutineId = routine.Id,
            BrandId = routine.BrandId,
            Period = period,
            DueAt = RoutinePeriods.DueAt(routine, time, day),
        };
        db.RoutineOccurrences.Add(occurrence);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return occurrence;
        }
        catch (DbUpdateException)
        {
            db.Entry(occurrence).State = EntityState.Detached;
            return await db.RoutineOccurrences.FirstAsync(o => o.RoutineId == routine.Id && o.Period == period, cancellationToken);
        }
    }

    /// <summary>
    /// Saves a change to <paramref name="occurrence"/> (and whatever was staged with it). Returns null when it
    /// saved; when another click saved first, drops everything staged and returns the row as it now stands.
    /// </summary>
    public static async Task<RoutineOccurrence?> SaveOrReloadAsync(CmBotDb db, RoutineOccurrence occurrence, CancellationToken cancellationToken)
    {
        occurrence.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await db.RoutineOccurrences.FirstAsync(o => o.Id == occurrence.Id, cancellationToken);
        }
    }
}
