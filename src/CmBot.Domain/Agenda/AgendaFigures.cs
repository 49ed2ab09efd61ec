using CmBot.Domain.Brands;
using CmBot.Domain.Comments;
using CmBot.Domain.Common;
using CmBot.Domain.Drafts;
using CmBot.Domain.Routines;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Agenda;

/// <summary>What the agenda computes from the store when it is posted, besides its items.</summary>
public sealed record AgendaFigures(
    int DraftsWaiting,
    Draft? OldestWaiting,
    int OverdueComments,
    int UrgentComments,
    IReadOnlyList<AgendaRoutineLine> Routines,
    IReadOnlyList<Draft> PlannedNextWeek)
{
    private static readonly DraftState[] Waiting = [DraftState.Pending, DraftState.ChangesRequested];
    private static readonly DraftState[] Planned = [DraftState.Pending, DraftState.Approved];

    public static async Task<AgendaFigures> LoadAsync(CmBotDb db, Brand brand, AgendaWeek week, BrandTime time, CancellationToken cancellationToken)
    {
        var now = time.Now;
        var drafts = db.Drafts.AsNoTracking().Where(d => d.BrandId == brand.Id);
        var waiting = drafts.Where(d => Waiting.Contains(d.State));
        var waitingCount = await waiting.CountAsync(cancellationToken);
        var oldest = await waiting.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).FirstOrDefaultAsync(cancellationToken);

        var open = db.Comments.AsNoTracking().Where(c => c.BrandId == brand.Id && c.State == CommentState.Open);
        var overdue = await open.CountAsync(c => c.NeedsReply && c.DeadlineAt < now, cancellationToken);
        var urgent = await open.CountAsync(c => c.IsUrgent, cancellationToken);

        var start = week.StartIn(time);
        var end = week.Next.StartIn(time);
        var routines = await RoutinesAsync(db, brand.Id, start, end, now, cancellationToken);

        DateTimeOffset? nextStart = end, nextEnd = week.Next.Next.StartIn(time);
        var planned = await drafts
            .Where(d => Planned.Contains(d.State) && d.PlannedAt >= nextStart && d.PlannedAt < nextEnd)
            .OrderBy(d => d.PlannedAt).ThenBy(d => d.Id)
            .ToListAsync(cancellationToken);

        return new AgendaFigures(waitingCount, oldest, overdue, urgent, routines, planned);
    }

    private static async Task<List<AgendaRoutineLine>> RoutinesAsync(
        CmBotDb db, int brandId, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.RoutineOccurrences.AsNoTracking()
            .Where(o => o.BrandId == brandId && o.DueAt >= start && o.DueAt < end)
            .Join(db.Routines, o => o.RoutineId, r => r.Id, (o, r) => new { o, r.Kind })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(x => x.o.DueAt)
            .Select(x => new AgendaRoutineLine(x.Kind, x.o.State, x.o.DoneByName, x.o.DueAt, IsMissed(x.o, now)))
            .ToList();
    }

    private static bool IsMissed(RoutineOccurrence occurrence, DateTimeOffset now) => occurrence.State switch
    {
        OccurrenceState.Done => false,
        OccurrenceState.Skipped => true,
        OccurrenceState.Snoozed when occurrence.SnoozedUntil > now => false,
        _ => occurrence.DueAt < now,
    };
}
