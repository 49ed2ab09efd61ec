using CmBot.Domain.Conversations;

namespace CmBot.Domain.Agenda;

/// <summary>`agenda add &lt;text&gt;` / `ordre du jour ajouter &lt;texte&gt;`: a point for this week's sync.</summary>
public sealed class AgendaAddCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["agenda add", "ordre du jour ajouter", "agenda ajouter"],
        "`agenda add <text>`: add a point to this week's sync", "`ordre du jour ajouter <texte>` : ajouter un point à la réunion de la semaine");

    public Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var item = AgendaBook.Add(context.Db, context.Brand.Id, context.Time, context.User, arguments, context.Language);
        return Task.FromResult<IReadOnlyList<BotReply>>([BotReply.Say(context.L(
            $"Added to the agenda of week {item.Week}: “{item.Text}”. Type `agenda` to see it.",
            $"Ajouté à l'ordre du jour de la semaine {item.Week} : « {item.Text} ». Tapez `ordre du jour` pour le voir."))]);
    }
}
