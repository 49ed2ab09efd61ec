using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Routines;

/// <summary>Reads a routine card's click data, trusting none of it: every id must belong to the conversation's brand.</summary>
public static class RoutineClicks
{
    public static async Task<(RoutineOccurrence Occurrence, Routine Routine)> OccurrenceAsync(ConversationContext context, CardClick click, CancellationToken cancellationToken)
    {
        var brandId = context.Brand.Id;
        if (click.GetInt(RoutineVerbs.BrandKey) != brandId)
            throw new DomainException(context.L("This card belongs to another brand's channel.", "Cette carte appartient au canal d'une autre marque."));
        var id = click.GetInt(RoutineVerbs.OccurrenceKey);
        var occurrence = await context.Db.RoutineOccurrences.FirstOrDefaultAsync(o => o.Id == id && o.BrandId == brandId, cancellationToken)
            ?? throw new DomainException(context.L("This routine card no longer exists; type `routines` to see where things stand.",
                "Cette carte de routine n'existe plus ; tapez `routines` pour voir où en sont les choses."));
        var routine = await context.Db.Routines.AsNoTracking().FirstAsync(r => r.Id == occurrence.RoutineId, cancellationToken);
        return (occurrence, routine);
    }
}
