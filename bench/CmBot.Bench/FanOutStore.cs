using CmBot.Domain.Agenda;
using CmBot.Domain.Brands;
using CmBot.Domain.Channels;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Bench;

/// <summary>
/// The fan-out's database, written with the product's own migrations and entities: one brand whose weekly agenda
/// slot is the next whole minute far enough ahead for CmBot to start, linked to N Teams channels of one tenant
/// whose stored references point at the limited connector, and a filled agenda for the slot's week.
/// </summary>
public static class FanOutStore
{
    public const string Tenant = "bench-tenant";
    public const string Zone = "Europe/Paris";

    public static StoreOptions Options(string database) => new() { ConnectionString = $"Data Source={database}" };

    /// <summary>Returns the brand and the instant its agenda reminder is due.</summary>
    public static async Task<(int BrandId, DateTimeOffset Slot)> PrepareAsync(string database, int channels, int connectorPort, TimeSpan lead)
    {
        await using var db = new CmBotDb(Options(database).DbContextOptions());
        StoreMigrator.Migrate(db);
        var now = DateTimeOffset.UtcNow;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        // Agenda slots are whole minutes in the brand's zone (as `agenda time monday 9:30` sets them).
        var earliest = TimeZoneInfo.ConvertTime(now + lead, zone);
        var local = new DateTimeOffset(earliest.Year, earliest.Month, earliest.Day, earliest.Hour, earliest.Minute, 0, earliest.Offset).AddMinutes(1);
        var brand = Brand.Create("Fan-out", now, timeZoneId: Zone);
        brand.SyncDay = local.DayOfWeek;
        brand.SyncTime = new TimeOnly(local.Hour, local.Minute);
        db.Brands.Add(brand);
        await db.SaveChangesAsync();

        // Real serviceUrls carry a region segment (`/emea/`); here it names the tenant for the connector's per-tenant limit.
        var serviceUrl = $"http://127.0.0.1:{connectorPort}/{Tenant}/";
        for (var i = 0; i < channels; i++)
        {
            var id = ConversationId(i);
            db.ChannelConversations.Add(new ChannelConversation
            {
                Channel = "teams", ConversationId = id, Kind = "channel", Name = $"fan-out {i}", ServiceUrl = serviceUrl,
                TenantId = Tenant, TeamId = $"19:bench-team-{i / 25}@thread.tacv2", AddedAt = now, LastSeenAt = now,
            });
            db.BrandChannels.Add(new BrandChannel { BrandId = brand.Id, Channel = "teams", ConversationId = id, LinkedAt = now });
        }
        var week = AgendaWeek.Of(DateOnly.FromDateTime(local.DateTime));
        foreach (var text in new[] { "Spring campaign budget", "Influencer shortlist for April", "Crisis playbook review", "Monthly numbers: reach and replies", "Holiday rota" })
            db.AgendaItems.Add(new AgendaItem
            {
                BrandId = brand.Id, WeekYear = week.Year, Week = week.Week, Text = text,
                AddedById = "29:bench-admin", AddedByName = "Bench Admin", AddedAt = now,
            });
        await db.SaveChangesAsync();
        return (brand.Id, local.ToUniversalTime());
    }

    private const string ConversationPrefix = "19:fanout-";

    public static string ConversationId(int i) => $"{ConversationPrefix}{i:D4}@thread.tacv2";

    /// <summary>The fan-out's messages as CmBot's outbox left them: sent, given up, or still held.</summary>
    public static async Task<(int Sent, int Failed, int Pending)> OutboxAsync(string database)
    {
        await using var db = new CmBotDb(Options(database).DbContextOptions());
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Channel == "teams" && m.ConversationId.StartsWith(ConversationPrefix))
            .Select(m => new { Sent = m.SentAt != null, m.Failed }).ToListAsync();
        return (rows.Count(r => r.Sent), rows.Count(r => r.Failed), rows.Count(r => !r.Sent && !r.Failed));
    }
}
