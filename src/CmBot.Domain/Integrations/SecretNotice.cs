using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Integrations;

/// <summary>
/// A secret shown in chat is read by everyone in the conversation: outside a one-to-one chat, the reply
/// says so and tells how to undo it.
/// </summary>
internal static class SecretNotice
{
    private static readonly string[] Private = ["personal", "im"];

    public static async Task<string> AppendAsync(ConversationContext context, string text, string undo, CancellationToken cancellationToken)
    {
        var where = context.Input.Where;
        var kind = await context.Db.ChannelConversations
            .Where(c => c.Channel == where.Channel && c.ConversationId == where.ConversationId)
            .Select(c => c.Kind).FirstOrDefaultAsync(cancellationToken);
        if (kind is not null && Private.Contains(kind)) return text;
        return text + "\n" + context.L(
            $"⚠️ Everyone in this conversation can read this message. If that is not what you want, type `{undo}` and do it again in a private chat with me.",
            $"⚠️ Tout le monde dans cette conversation peut lire ce message. Si ce n'est pas voulu, tapez `{undo}` et recommencez dans une conversation privée avec moi.");
    }
}
