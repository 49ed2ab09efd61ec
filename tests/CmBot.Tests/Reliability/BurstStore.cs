using CmBot.Domain.Store;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Tests.Reliability;

/// <summary>What the kill test reads from the host's SQLite file (read-only, beside the running process).</summary>
public static class BurstStore
{
    /// <summary>Where each copy of each draft and comment card went: the ids the peers answered with.</summary>
    public static Dictionary<(string CardKey, string Channel), string> CardPosts(string database) => Read(database, db =>
        db.CardPosts.AsNoTracking().Where(p => p.CardKey.StartsWith("draft-") || p.CardKey.StartsWith("comment-"))
            .Select(p => new { p.CardKey, p.Channel, p.MessageId }).ToList()
            .ToDictionary(p => (p.CardKey, p.Channel), p => p.MessageId));

    /// <summary>The authors of the comments whose "time is running out" reminder the store records as staged.</summary>
    public static HashSet<string> Reminded(string database) => Read(database, db =>
        db.Comments.AsNoTracking().Where(c => c.ReminderSentAt != null).Select(c => c.Author).ToHashSet());

    private static T Read<T>(string database, Func<CmBotDb, T> query)
    {
        T result;
        using (var db = new CmBotDb(new StoreOptions { Provider = "Sqlite", ConnectionString = $"Data Source={database}" }.DbContextOptions()))
            result = query(db);
        SqliteConnection.ClearAllPools();
        return result;
    }
}
