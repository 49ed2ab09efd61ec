using CmBot.Domain.Conversations;

namespace CmBot.Domain.Routines;

public sealed class RoutinesOnCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["routines on", "routines activer"], "", "", ShownInHelp: false);

    public Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken) =>
        RoutineSwitch.RunAsync(context, arguments, on: true, cancellationToken);
}
