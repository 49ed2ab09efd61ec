namespace CmBot.Domain.Conversations;

/// <summary>
/// A multi-turn exchange. A command starts it with <see cref="ConversationContext.BeginDialog"/>; every
/// later message from the same person in the same conversation comes here until the dialog sets
/// <see cref="ConversationContext.Dialog"/> to null, or the person types "cancel".
/// </summary>
public interface IDialog
{
    string Name { get; }

    Task<IReadOnlyList<BotReply>> ContinueAsync(ConversationContext context, DialogState state, string text, CancellationToken cancellationToken);
}
