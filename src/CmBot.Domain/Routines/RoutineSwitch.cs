using CmBot.Domain.Common;
using CmBot.Domain.Conversations;

namespace CmBot.Domain.Routines;

/// <summary>`routines on|off &lt;kind&gt;`: admins of the brand switch a chore on or off.</summary>
public static class RoutineSwitch
{
    public static async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, bool on, CancellationToken cancellationToken)
    {
        var brand = context.Brand;
        if (!brand.IsAdmin(context.User.Id))
            throw new DomainException(context.L($"Only an admin of {brand.Name} can switch routines on or off.",
                $"Seul un admin de {brand.Name} peut activer ou désactiver les routines."));
        var kinds = string.Join(", ", RoutineCatalog.All.Select(d => d.Aliases[0]));
        var kind = RoutineCatalog.Find(arguments) ?? throw new DomainException(arguments.Trim().Length == 0
            ? context.L($"Which routine? One of: {kinds}.", $"Quelle routine ? Parmi : {kinds}.")
            : context.L($"I don't know the routine “{arguments.Trim()}”. One of: {kinds}.", $"Je ne connais pas la routine « {arguments.Trim()} ». Parmi : {kinds}."));
        var routine = await RoutineSetup.EnsureAsync(context.Db, brand.Id, kind, cancellationToken);
        var title = RoutineCatalog.Title(kind, context.Language);
        if (routine.Enabled == on)
            return [BotReply.Say(on ? context.L($"{title} is already on.", $"{title} est déjà active.") : context.L($"{title} is already off.", $"{title} est déjà désactivée."))];
        routine.Enabled = on;
        var next = RoutineText.Local(RoutinePeriods.NextDue(routine, context.Time), context.Time, context.Language);
        return [BotReply.Say(on
            ? context.L($"{title} is now on ({RoutineText.Cadence(routine, context.Language)}); next: {next}.",
                $"{title} est maintenant active ({RoutineText.Cadence(routine, context.Language)}) ; prochaine : {next}.")
            : context.L($"{title} is now off.", $"{title} est maintenant désactivée."))];
    }
}
