using CmBot.Domain.Conversations;

namespace CmBot.Domain.Routines;

public sealed class RoutinesOffCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["routines off", "routines desactiver"], "", "", ShownInHelp: false);

    public Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken) =>
        RoutineSwitch.RunAsync(context, arguments, on: false, cancellationToken);
}
