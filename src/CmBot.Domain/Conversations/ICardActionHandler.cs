namespace CmBot.Domain.Conversations;

/// <summary>
/// Handles clicks on card actions. The data comes from the client and is not trusted: handlers
/// re-check every id against the conversation's brand and the person.
/// </summary>
public interface ICardActionHandler
{
    IReadOnlyCollection<string> Verbs { get; }

    Task<IReadOnlyList<BotReply>> HandleAsync(ConversationContext context, CardClick click, CancellationToken cancellationToken);
}
