using CmBot.Domain.Brands;
using CmBot.Domain.Numbers;

namespace CmBot.Domain.Integrations;

/// <summary>
/// The CSV layouts metrics are imported from. Ours is long (<c>date,network,metric,value</c>); the networks' own
/// analytics exports are wide: one row per day, one column per metric. Their columns are matched by name (case,
/// spaces and punctuation aside); unknown columns are ignored.
/// </summary>
/// <remarks>
/// The column names below are the ones these exports are documented or known to use; where the networks publish
/// no column reference we assumed them, as noted per format:
/// <list type="bullet">
/// <item>Meta (Facebook Page insights "Page data" export; Meta Business Suite / Instagram insights): "Date",
/// "Lifetime Total Likes" and "Page followers"/"Followers" (followers), "Daily Total Reach"/"Reach",
/// "Daily Total Impressions"/"Impressions"/"Views", "Daily Page Engaged Users"/"Content interactions"/"Engagements",
/// "Daily Total Consumers"/"Link clicks"/"Clicks". The Page export's second row describes each column: skipped.
/// Which network: Instagram when a column names it, else Facebook, unless the upload says.</item>
/// <item>LinkedIn (Page analytics "Updates" and "Followers" exports): "Date" (MM/dd/yyyy), "Impressions (total)",
/// "Unique impressions (organic)" (reach), "Clicks (total)", "Reactions (total)", "Comments (total)", "Reposts (total)",
/// "Total followers" (followers gained that day: new_followers, a flow).</item>
/// <item>X (account analytics export, old "daily tweet activity" and the newer "account overview"): "Date",
/// "Tweets published"/"Create Post" (posts_published), "impressions", "engagements", "url clicks" (clicks),
/// "likes", "replies", "retweets"/"Reposts", "follows"/"New follows" (new_followers).</item>
/// </list>
/// </remarks>
public sealed record MetricsCsvFormat(string Name, Network? Network, IReadOnlyDictionary<string, string> Columns, IReadOnlyList<string> DateFormats)
{
    public static readonly MetricsCsvFormat CmBot = new("cmbot", null, new Dictionary<string, string>(), ["yyyy-MM-dd"]);

    public static readonly MetricsCsvFormat Meta = new("meta", null, new Dictionary<string, string>
    {
        ["lifetimetotallikes"] = Metrics.Followers, ["pagefollowers"] = Metrics.Followers, ["followers"] = Metrics.Followers,
        ["facebookpagefollowers"] = Metrics.Followers, ["instagramfollowers"] = Metrics.Followers,
        ["dailytotalreach"] = Metrics.Reach, ["reach"] = Metrics.Reach, ["facebookreach"] = Metrics.Reach, ["instagramreach"] = Metrics.Reach,
        ["dailytotalimpressions"] = Metrics.Impressions, ["impressions"] = Metrics.Impressions, ["views"] = Metrics.Impressions,
        ["dailypageengagedusers"] = Metrics.Engagements, ["contentinteractions"] = Metrics.Engagements, ["engagements"] = Metrics.Engagements,
        ["dailytotalconsumers"] = Metrics.Clicks, ["linkclicks"] = Metrics.Clicks, ["clicks"] = Metrics.Clicks,
        ["dailynewlikes"] = "new_followers", ["newfollowers"] = "new_followers",
    }, ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:sszzz", "MM/dd/yyyy", "M/d/yyyy"]);

    public static readonly MetricsCsvFormat LinkedIn = new("linkedin", Brands.Network.LinkedIn, new Dictionary<string, string>
    {
        ["impressionstotal"] = Metrics.Impressions, ["uniqueimpressionsorganic"] = Metrics.Reach, ["clickstotal"] = Metrics.Clicks,
        ["reactionstotal"] = "reactions", ["commentstotal"] = "comments", ["repoststotal"] = "reposts", ["sharestotal"] = "reposts",
        ["totalfollowers"] = "new_followers",
    }, ["MM/dd/yyyy", "M/d/yyyy", "yyyy-MM-dd"]);

    public static readonly MetricsCsvFormat X = new("x", Brands.Network.X, new Dictionary<string, string>
    {
        ["tweetspublished"] = Metrics.PostsPublished, ["createpost"] = Metrics.PostsPublished,
        ["impressions"] = Metrics.Impressions, ["engagements"] = Metrics.Engagements, ["urlclicks"] = Metrics.Clicks,
        ["likes"] = "likes", ["replies"] = "replies", ["retweets"] = "reposts", ["reposts"] = "reposts",
        ["follows"] = "new_followers", ["newfollows"] = "new_followers",
    }, ["yyyy-MM-dd", "yyyy-MM-dd HH:mm 'Z'", "yyyy-MM-dd HH:mm zzz", "ddd, MMM dd, yyyy", "ddd, MMM d, yyyy", "MM/dd/yyyy"]);

    public static readonly IReadOnlyList<MetricsCsvFormat> All = [CmBot, Meta, LinkedIn, X];

    public bool IsLong => Name == "cmbot";

    public static MetricsCsvFormat? Named(string? name) => All.FirstOrDefault(f => f.Name.Equals(name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The format a header speaks; null when nothing tells.</summary>
    public static MetricsCsvFormat? Detect(IReadOnlyList<string> header)
    {
        var columns = header.Select(Key).ToHashSet();
        if (columns.IsSupersetOf(["date", "network", "metric", "value"])) return CmBot;
        if (!columns.Contains("date")) return null;
        if (columns.Overlaps(["tweetspublished", "createpost", "urlclicks", "newfollows"])) return X;
        if (header.Any(h => h.Contains("(total)", StringComparison.OrdinalIgnoreCase) || h.Contains("(organic)", StringComparison.OrdinalIgnoreCase))
            || columns.Contains("totalfollowers")) return LinkedIn;
        if (columns.Overlaps(Meta.Columns.Keys)) return Meta;
        return null;
    }

    /// <summary>A column name as compared: lower case letters and digits only.</summary>
    public static string Key(string column) => new(column.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}
