using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Routines;

/// <summary>Gives a brand one Routine row per kind of the catalogue, with its defaults; running it again changes nothing.</summary>
public static class RoutineSetup
{
    public static async Task<List<Routine>> EnsureAsync(CmBotDb db, int brandId, CancellationToken cancellationToken)
    {
        var existing = await db.Routines.Where(r => r.BrandId == brandId).ToListAsync(cancellationToken);
        var missing = RoutineCatalog.All
            .Where(d => existing.All(r => r.Kind != d.Kind))
            .Select(d => new Routine { BrandId = brandId, Kind = d.Kind, Enabled = d.OnByDefault, Cadence = d.Cadence, Day = d.Day, Time = d.Time })
            .ToList();
        if (missing.Count > 0)
        {
            db.Routines.AddRange(missing);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another instance created them at the same moment (unique brand + kind): theirs stand.
                foreach (var routine in missing) db.Entry(routine).State = EntityState.Detached;
                // Sorted here, not in SQL: kinds are stored by name, and the catalogue's order is the enum's.
                return (await db.Routines.Where(r => r.BrandId == brandId).ToListAsync(cancellationToken)).OrderBy(r => r.Kind).ToList();
            }
        }
        // The enum lists the kinds in the catalogue's order.
        return existing.Concat(missing).OrderBy(r => r.Kind).ToList();
    }

    public static async Task<Routine> EnsureAsync(CmBotDb db, int brandId, RoutineKind kind, CancellationToken cancellationToken) =>
        (await EnsureAsync(db, brandId, cancellationToken)).First(r => r.Kind == kind);
}
