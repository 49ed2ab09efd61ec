namespace CmBot.Domain.Numbers;

/// <summary>The well-known metric names; any other name is kept and shown as is.</summary>
public static class Metrics
{
    public const string Followers = "followers";
    public const string PostsPublished = "posts_published";
    public const string Impressions = "impressions";
    public const string Reach = "reach";
    public const string Engagements = "engagements";
    public const string Clicks = "clicks";
    public const string CommentsReceived = "comments_received";

    /// <summary>Metrics that are a level (read the latest day), not a flow (add the days up).</summary>
    public static readonly IReadOnlyList<string> Levels = [Followers];

    public static bool IsLevel(string metric) => Levels.Contains(metric);
}
