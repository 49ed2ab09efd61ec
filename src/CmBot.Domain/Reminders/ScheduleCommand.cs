using CmBot.Domain.Cards;
using CmBot.Domain.Conversations;
using CmBot.Domain.Routines;

namespace CmBot.Domain.Reminders;

/// <summary>`schedule` / `planning`: what the brand has scheduled next, soonest first, in its local time.</summary>
public sealed class ScheduleCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["schedule", "planning"],
        "`schedule`: what is scheduled next, with its local time", "`planning` : ce qui est programmé, avec l'heure locale");

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var brand = context.Brand;
        var plan = await ReminderPlan.LoadAsync(context.Db, brand.Id, cancellationToken);
        var facts = plan
            .Select(r => (Title: ReminderTitles.Of(r, context.Language), Next: r.NextAfter(context.Now)))
            .OrderBy(r => r.Next)
            .Select(r => new CardFact(r.Title, RoutineText.Local(r.Next, context.Time, context.Language)))
            .ToList();
        return [BotReply.Show(new Card($"schedule-{brand.Id}", CardKind.Info, context.L("Scheduled next", "Programmé"))
        {
            Subtitle = $"{brand.Name} · {brand.TimeZoneId}",
            Facts = facts,
            Text = context.L("Comment deadlines and drafts close to their time are checked every minute.",
                "Les délais de réponse aux commentaires et les brouillons proches de leur heure sont vérifiés chaque minute."),
        })];
    }
}
