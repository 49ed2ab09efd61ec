using CmBot.Domain.Channels;
using CmBot.Domain.Conversations;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Slack;

/// <summary>
/// Hands a normalized input to the product, in its own DI scope, after remembering the conversation and its
/// workspace (so the sender later picks the right token). Only the store is touched: fast enough to run before the ack.
/// </summary>
public sealed class SlackConversationGateway(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SlackConversationGateway> logger)
{
    public async Task<IReadOnlyList<BotReply>> HandleAsync(ChatInput input, string? teamId, string? kind, string? name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        await RememberAsync(db, input.Where.ConversationId, teamId, kind, name, cancellationToken);
        return await scope.ServiceProvider.GetRequiredService<ConversationService>().HandleAsync(input, cancellationToken);
    }

    private async Task RememberAsync(CmBotDb db, string conversationId, string? teamId, string? kind, string? name, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var known = await db.ChannelConversations.FirstOrDefaultAsync(c => c.Channel == SlackTokens.Channel && c.ConversationId == conversationId, cancellationToken);
        if (known is null)
        {
            known = new ChannelConversation { Channel = SlackTokens.Channel, ConversationId = conversationId, AddedAt = now };
            db.ChannelConversations.Add(known);
        }
        known.LastSeenAt = now;
        known.TeamId = teamId ?? known.TeamId;
        known.Kind = kind ?? known.Kind;
        known.Name = name is { Length: > 0 } ? SlackText.Trim(name, 200) : known.Name;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request recorded the same conversation at the same moment: theirs is as good.
            logger.LogDebug("Conversation {Conversation} recorded concurrently", conversationId);
        }
        db.ChangeTracker.Clear();
    }
}
