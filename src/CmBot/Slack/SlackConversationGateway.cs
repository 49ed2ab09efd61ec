using CmBot.Domain.Channels;
using CmBot.Domain.Conversations;
using CmBot.Domain.Inbox;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Slack;

/// <summary>
/// Hands a normalized input to the product, in its own DI scope, after remembering the conversation and its
/// workspace (so the sender later picks the right token). Only the store is touched: fast enough to run before the ack.
/// </summary>
public sealed class SlackConversationGateway(IServiceScopeFactory scopes, ConversationInbox inbox, TimeProvider clock, ILogger<SlackConversationGateway> logger)
{
    /// <summary>Seen-again timestamps are refreshed at most this often: nothing reads them closer than that.</summary>
    private static readonly TimeSpan SeenResolution = TimeSpan.FromHours(1);

    /// <summary>A busy channel then costs no store round trip per event.</summary>
    private readonly RecentlyStored<(string? TeamId, string? Kind)> recent = new(clock, TimeSpan.FromMinutes(10));

    public async Task<IReadOnlyList<BotReply>> HandleAsync(ChatInput input, string? teamId, string? kind, string? name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
        await RememberAsync(db, input.Where.ConversationId, teamId, kind, name, cancellationToken);
        return await scope.ServiceProvider.GetRequiredService<ConversationService>().HandleAsync(input, cancellationToken);
    }

    /// <summary>For events, which need no answer in the HTTP response: accepted into the inbox and handled right after the ack.</summary>
    public async Task AcceptAsync(ChatInput input, string? teamId, string? kind, string? name, CancellationToken cancellationToken)
    {
        if (!IsFresh(input.Where.ConversationId, teamId, kind, name))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CmBotDb>();
            var conversationId = input.Where.ConversationId;
            var firstWrite = !await db.ChannelConversations.AnyAsync(c => c.Channel == SlackTokens.Channel && c.ConversationId == conversationId, cancellationToken);
            if (firstWrite) await FirstWrites.WaitAsync(cancellationToken);
            try
            {
                await RememberAsync(db, conversationId, teamId, kind, name, cancellationToken);
            }
            finally
            {
                if (firstWrite) FirstWrites.Release();
            }
        }
        await inbox.AcceptAsync(input, cancellationToken);
    }

    /// <summary>
    /// Two events of a conversation not yet stored (a burst at first contact) would both insert it; the loser's failed
    /// insert is forgiven below, but the store logs it as an error. First writes are rare, so this process makes them
    /// one at a time; across instances the catch still settles it.
    /// </summary>
    private static readonly SemaphoreSlim FirstWrites = new(1, 1);

    private async Task RememberAsync(CmBotDb db, string conversationId, string? teamId, string? kind, string? name, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var known = await db.ChannelConversations.FirstOrDefaultAsync(c => c.Channel == SlackTokens.Channel && c.ConversationId == conversationId, cancellationToken);
        // Seen a moment ago with nothing new to learn: spare the store a write on every message.
        if (known is not null && now - known.LastSeenAt < SeenResolution && (teamId is null || teamId == known.TeamId) && (kind is null || kind == known.Kind) && name is null)
        {
            Remember(conversationId, known);
            return;
        }
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
        Remember(conversationId, known);
        db.ChangeTracker.Clear();
    }

    private bool IsFresh(string conversationId, string? teamId, string? kind, string? name) =>
        name is null && recent.TryGet(conversationId, out var last)
        && (teamId is null || teamId == last.TeamId) && (kind is null || kind == last.Kind);

    private void Remember(string conversationId, ChannelConversation stored) => recent.Remember(conversationId, (stored.TeamId, stored.Kind));
}
