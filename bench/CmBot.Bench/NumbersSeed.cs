using CmBot.Domain.Brands;
using CmBot.Domain.Comments;
using CmBot.Domain.Numbers;
using CmBot.Domain.Store;
using Microsoft.Data.Sqlite;

namespace CmBot.Bench;

/// <summary>
/// Two years of history for one big brand (a million metric samples, a million comments) and a few typical
/// brands beside it, so that every query must pick its brand's rows out of the others'. The brands go in
/// through EF as the product makes them; the history goes in as raw SQL in one transaction with one prepared
/// INSERT per table, in arrival order (day by day, comment by comment), the way two years of use would lay it out.
/// The two tables' indexes are dropped first and built again after, from their own definitions: the same schema,
/// built by one sort instead of two million scattered inserts.
/// </summary>
public static class NumbersSeed
{
    public const string Room = "numbers-room";
    public static readonly Network[] Networks = Enum.GetValues<Network>();
    private static readonly string[] Known =
        [Metrics.Followers, Metrics.PostsPublished, Metrics.Impressions, Metrics.Reach, Metrics.Engagements, Metrics.Clicks, Metrics.CommentsReceived];

    /// <summary>What was written: the brands' ids and the row counts.</summary>
    public sealed record Seeded(int BigBrandId, int TypicalBrandId, int Days, int BigSamples, int BigComments, int AllSamples, int AllComments);

    /// <param name="until">The last seeded instant; days are the big brand's local days ending on its date.</param>
    public static Seeded Fill(StoreOptions store, DateTimeOffset until, int samples = 1_000_000, int comments = 1_000_000, int typicalBrands = 3)
    {
        using (var db = new CmBotDb(store.DbContextOptions()))
        {
            StoreMigrator.Migrate(db);
            db.Brands.Add(Brand(NumbersLoad.BigBrand, Room, until));
            for (var i = 1; i <= typicalBrands; i++) db.Brands.Add(Brand($"{NumbersLoad.TypicalBrand} {i}", $"{Room}-{i}", until));
            db.SaveChanges();
        }
        using var connection = new SqliteConnection(store.ConnectionString);
        connection.Open();
        // A cache that holds the indexes being filled: with the default 2 MiB each insert rereads their pages from the file.
        Execute(connection, "PRAGMA cache_size = -262144; PRAGMA synchronous = OFF;");
        var ids = Rows(connection, "SELECT Id FROM Brands ORDER BY Id").Select(r => Convert.ToInt32(r[0])).ToArray();
        var (big, typical) = (ids[0], ids[1..]);
        // Wide enough for the big brand to reach its count in about two years: the 7 known metrics plus imported ones.
        var metrics = Known.Concat(Enumerable.Range(1, 221).Select(i => $"imported_{i:000}")).ToArray();
        var days = (int)Math.Ceiling(samples / (double)(Networks.Length * metrics.Length));
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(until, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var random = new Random(7);

        using var transaction = connection.BeginTransaction();
        var indexes = Rows(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('MetricSamples', 'Comments') AND sql IS NOT NULL");
        foreach (var index in indexes) Execute(connection, $"DROP INDEX \"{index[0]}\"");
        var (allSamples, bigSamples) = InsertSamples(connection, random, big, typical, metrics, lastDay.AddDays(1 - days), days);
        var allComments = InsertComments(connection, random, big, typical, until.AddDays(-days), until, comments);
        foreach (var index in indexes) Execute(connection, (string)index[1]);
        transaction.Commit();
        // Into the database file, as the host's checkpointer would have put two years of history long ago.
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return new Seeded(big, typical[0], days, bigSamples, comments, allSamples, allComments);
    }

    private static Brand Brand(string name, string room, DateTimeOffset now)
    {
        var brand = Domain.Brands.Brand.Create(name, now);
        brand.Members.Add(new BrandMember { UserId = NumbersLoad.Member.Id, Name = NumbersLoad.Member.Name, IsAdmin = true, IsApprover = true });
        brand.Channels.Add(new BrandChannel { Channel = NumbersLoad.Channel, ConversationId = room, LinkedAt = now });
        return brand;
    }

    /// <summary>Day by day: the big brand's <paramref name="metrics"/> on every network, the typical brands' known ones.</summary>
    private static (int All, int Big) InsertSamples(SqliteConnection connection, Random random, int big, int[] typical, string[] metrics,
        DateOnly firstDay, int days)
    {
        var insert = Prepared(connection, "INSERT INTO MetricSamples (BrandId, Network, Day, Metric, Value) VALUES ($brand, $network, $day, $metric, $value)",
            "$brand", "$network", "$day", "$metric", "$value");
        var (written, bigWritten) = (0, 0);
        for (var d = 0; d < days; d++)
        {
            var day = firstDay.AddDays(d).ToString("yyyy-MM-dd");
            foreach (var (brand, names) in typical.Select(t => (t, Known)).Prepend((big, metrics)))
            {
                foreach (var network in Networks)
                {
                    foreach (var metric in names)
                    {
                        // Followers is a level that grows; every other metric is a daily flow.
                        var value = metric == Metrics.Followers ? 10_000 + d * 12 + random.Next(10) : random.Next(0, 5_000);
                        Run(insert, brand, network.ToString(), day, metric, value);
                        written++;
                        if (brand == big) bigWritten++;
                    }
                }
            }
        }
        return (written, bigWritten);
    }

    /// <summary>
    /// Comments in arrival order, the typical brands getting one for every ten of the big brand's. Most are replied
    /// (some late), some dismissed, some missed; the last hours' are still open, as they would be.
    /// </summary>
    private static int InsertComments(SqliteConnection connection, Random random, int big, int[] typical,
        DateTimeOffset from, DateTimeOffset until, int bigCount)
    {
        var insert = Prepared(connection, """
            INSERT INTO Comments (BrandId, Network, ExternalId, Author, Text, IsPrivateMessage, ReceivedAt, NeedsReply, DeadlineAt,
                IsUrgent, EscalatedAt, State, HandledById, HandledByName, HandledAt, ReplyText, Version)
            VALUES ($brand, $network, $external, $author, $text, $private, $received, $needs, $deadline,
                $urgent, $escalated, $state, $by, $byName, $handled, $reply, $version)
            """, "$brand", "$network", "$external", "$author", "$text", "$private", "$received", "$needs", "$deadline",
            "$urgent", "$escalated", "$state", "$by", "$byName", "$handled", "$reply", "$version");
        var (start, step) = (from.ToUnixTimeMilliseconds(), (until - from).TotalMilliseconds / bigCount);
        var now = until.ToUnixTimeMilliseconds();
        var written = 0;
        for (var i = 0; i < bigCount; i++)
        {
            var received = start + (long)((i + random.NextDouble()) * step);
            Comment(insert, random, big, written++, received, now);
            if (i % 10 != 0) continue;
            foreach (var brand in typical) Comment(insert, random, brand, written++, received, now);
        }
        return written;
    }

    private static void Comment(SqliteCommand insert, Random random, int brand, int n, long received, long now)
    {
        const long Minute = 60_000;
        var network = Networks[random.Next(10) switch { < 4 => 2, < 7 => 0, < 8 => 1, < 9 => 4, _ => random.Next(Networks.Length) }];
        var needsReply = random.Next(5) != 0;
        var deadline = received + 60 * Minute;
        var urgent = random.Next(100) == 0;
        var roll = random.Next(100);
        var state = received > now - 3 * 60 * Minute && roll < 60 ? CommentState.Open
            : roll < 78 ? CommentState.Replied : roll < 92 ? CommentState.Dismissed : CommentState.Open;
        // Replies mostly within the hour, a tail of late ones.
        long? handled = state == CommentState.Open ? null
            : received + (state == CommentState.Replied ? random.Next(3, random.Next(4) == 0 ? 300 : 55) : random.Next(1, 30)) * Minute;
        if (handled > now) (state, handled) = (CommentState.Open, null);
        Run(insert, brand, network.ToString(), $"c-{n:D8}", $"fan{random.Next(50_000)}", "Love this! When is the next drop?",
            random.Next(10) == 0, received, needsReply, deadline, urgent, urgent ? received : null, state.ToString(),
            handled is null ? null : NumbersLoad.Member.Id, handled is null ? null : NumbersLoad.Member.Name, handled,
            state == CommentState.Replied ? "Thanks! Very soon." : null, handled is null ? 0 : 1);
    }

    private static List<object[]> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepared(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }
}
