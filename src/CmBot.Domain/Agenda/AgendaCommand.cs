using CmBot.Domain.Conversations;

namespace CmBot.Domain.Agenda;

/// <summary>`agenda` / `ordre du jour`: this week's sync card.</summary>
public sealed class AgendaCommand(AgendaCards cards) : IChatCommand
{
    public CommandInfo Info { get; } = new(["agenda", "ordre du jour"],
        "`agenda`: this week's sync agenda", "`ordre du jour` : l'ordre du jour de la réunion de la semaine");

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken) =>
        [BotReply.Show(await cards.CurrentAsync(context.Db, context.Brand, context.Clock, cancellationToken))];
}
