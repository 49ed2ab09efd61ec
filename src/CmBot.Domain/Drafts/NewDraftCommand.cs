using CmBot.Domain.Conversations;

namespace CmBot.Domain.Drafts;

/// <summary>`new draft`: starts the dialog that asks for the networks, the text and the planned time.</summary>
public sealed class NewDraftCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["new draft", "nouveau brouillon"],
        "`new draft`: propose a post for approval (I ask for the networks, the text and the time; `cancel` stops)",
        "`nouveau brouillon` : proposer une publication à approuver (je demande les réseaux, le texte et l'heure ; `annuler` arrête)");

    public Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken) =>
        NewDraftDialog.Start(context, arguments);
}
