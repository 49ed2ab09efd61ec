using CmBot.Domain.Cards;
using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Routines;

/// <summary>`routines`: each routine of the brand, on or off, its cadence, its next slot and where this period stands.</summary>
public sealed class RoutinesCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["routines"],
        "`routines`: the recurring chores, on or off, and what is due next (`routines on|off <kind>` for admins)",
        "`routines` : les tâches récurrentes, actives ou non, et la prochaine échéance (`routines on|off <type>` pour les admins)");

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken) =>
        [BotReply.Show(await BuildAsync(context, cancellationToken))];

    public static async Task<Card> BuildAsync(ConversationContext context, CancellationToken cancellationToken)
    {
        var brand = context.Brand;
        var time = context.Time;
        var routines = await RoutineSetup.EnsureAsync(context.Db, brand.Id, cancellationToken);
        var ids = routines.Select(r => r.Id).ToList();
        var occurrences = await context.Db.RoutineOccurrences.AsNoTracking().Where(o => ids.Contains(o.RoutineId)).ToListAsync(cancellationToken);
        var sections = routines.Select(routine =>
        {
            var period = RoutinePeriods.KeyAt(routine.Cadence, time, time.Now);
            var current = occurrences.FirstOrDefault(o => o.RoutineId == routine.Id && o.Period == period);
            var standing = current is null ? context.L("nothing posted yet", "rien de publié encore") : RoutineText.State(current, time, context.Language).Line;
            return new CardSection($"{RoutineCatalog.Title(routine.Kind, context.Language)} · {(routine.Enabled ? "on" : "off")}")
            {
                Facts =
                [
                    new CardFact(context.L("Cadence", "Rythme"), RoutineText.Cadence(routine, context.Language)),
                    new CardFact(context.L("Next", "Prochaine"), routine.Enabled ? RoutineText.Local(RoutinePeriods.NextDue(routine, time), time, context.Language) : "—"),
                    new CardFact(context.L($"This period ({period})", $"Cette période ({period})"), standing),
                ],
            };
        }).ToList();
        return new Card($"routines-{brand.Id}", CardKind.Routine, context.L("Routines", "Routines"))
        {
            Subtitle = brand.Name,
            Text = context.L("Admins switch them with `routines on <kind>` / `routines off <kind>` (e.g. `routines on blog`).",
                "Les admins les activent avec `routines on <type>` / `routines off <type>` (par ex. `routines on veille`)."),
            Sections = sections,
        };
    }
}
