using CmBot.Domain.Channels;
using CmBot.Domain.Store;
using CmBot.Teams.Inbound;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Teams;

/// <summary>
/// The conversation references Teams needs to write somewhere later (serviceUrl, tenant, team), learned from
/// authenticated activities only: the connector token is only ever sent to a serviceUrl stored here.
/// Keyed by the conversation id without `;messageid=` (a channel, not one of its threads).
/// </summary>
public sealed class TeamsConversations(CmBotDb db, RecentConversations recent, TimeProvider clock)
{
    public const string Channel = "teams";
    /// <summary>
    /// Seen-again timestamps are refreshed at most this often: nothing reads them closer than that, and every active
    /// conversation refreshing at once each minute was a burst of writes queued before the requests' own.
    /// </summary>
    private static readonly TimeSpan SeenResolution = TimeSpan.FromHours(1);

    public static string BaseId(string conversationId)
    {
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread < 0 ? conversationId : conversationId[..thread];
    }

    public Task<ChannelConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        var id = BaseId(conversationId);
        return db.ChannelConversations.AsNoTracking().FirstOrDefaultAsync(c => c.Channel == Channel && c.ConversationId == id, cancellationToken);
    }

    /// <summary>Creates or refreshes the reference; true when it was new.</summary>
    public async Task<bool> RememberAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (activity.ConversationId is not { Length: > 0 } fullId || activity.ServiceUrl is not { Length: > 0 } serviceUrl) return false;
        var id = BaseId(fullId);
        var fingerprint = string.Join('|', serviceUrl, activity.ConversationType, activity.ConversationName ?? activity.ChannelName, activity.TenantId, activity.TeamId);
        if (recent.IsFresh(id, fingerprint)) return false;
        var firstWrite = !await db.ChannelConversations.AnyAsync(c => c.Channel == Channel && c.ConversationId == id, cancellationToken);
        if (firstWrite) await FirstWrites.WaitAsync(cancellationToken);
        try
        {
            return await StoreAsync(activity, id, serviceUrl, fingerprint, cancellationToken);
        }
        finally
        {
            if (firstWrite) FirstWrites.Release();
        }
    }

    /// <summary>
    /// Two activities of a conversation not yet stored (a burst at first contact) would both insert it; the loser's
    /// failed insert is settled in <see cref="StoreAsync"/>, but the store logs it as an error. First writes are rare,
    /// so this process makes them one at a time; across instances the retry still settles it.
    /// </summary>
    private static readonly SemaphoreSlim FirstWrites = new(1, 1);

    private async Task<bool> StoreAsync(TeamsActivity activity, string id, string serviceUrl, string fingerprint, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var row = await db.ChannelConversations.FirstOrDefaultAsync(c => c.Channel == Channel && c.ConversationId == id, cancellationToken);
            var created = row is null;
            row ??= db.ChannelConversations.Add(new ChannelConversation { Channel = Channel, ConversationId = id, AddedAt = now }).Entity;
            row.ServiceUrl = serviceUrl;
            row.Kind = activity.ConversationType ?? row.Kind;
            row.Name = activity.ConversationName ?? activity.ChannelName ?? row.Name;
            row.TenantId = activity.TenantId ?? row.TenantId;
            row.TeamId = activity.TeamId ?? row.TeamId;
            var entry = db.Entry(row);
            if (!created && !entry.Properties.Any(p => p.IsModified) && now - row.LastSeenAt < SeenResolution)
            {
                recent.Stored(id, fingerprint, serviceUrl, row.TenantId);
                return false;
            }
            row.LastSeenAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                recent.Stored(id, fingerprint, serviceUrl, row.TenantId);
                return created;
            }
            catch (DbUpdateException) when (created && attempt == 0)
            {
                // Another request stored the same new conversation first: refresh that row instead.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// The bot was removed: forget the conversation (and, for a team, every channel of it), unlink the brands
    /// posting there, and give up what was still waiting to be sent there.
    /// </summary>
    public async Task<IReadOnlyList<string>> ForgetAsync(string conversationId, string? teamId, CancellationToken cancellationToken)
    {
        var id = BaseId(conversationId);
        var rows = await db.ChannelConversations
            .Where(c => c.Channel == Channel && (c.ConversationId == id || (teamId != null && c.TeamId == teamId)))
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.ConversationId).Append(id).Distinct().ToList();
        recent.Forget(ids);
        db.ChannelConversations.RemoveRange(rows);
        db.BrandChannels.RemoveRange(await db.BrandChannels.Where(b => b.Channel == Channel && ids.Contains(b.ConversationId)).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await db.OutboxMessages
            .Where(m => m.Channel == Channel && ids.Contains(m.ConversationId) && m.SentAt == null && !m.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Failed, true).SetProperty(m => m.LastError, "bot removed from the conversation"), cancellationToken);
        return ids;
    }
}
