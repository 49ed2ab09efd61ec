using CmBot.Domain.Common;

namespace CmBot.Domain.Numbers;

/// <summary>How the well-known metrics read in each language; any other name is shown as imported.</summary>
public static class MetricLabels
{
    public static readonly IReadOnlyList<string> Known =
    [
        Metrics.Followers, Metrics.Impressions, Metrics.Reach, Metrics.Engagements,
        Metrics.Clicks, Metrics.PostsPublished, Metrics.CommentsReceived,
    ];

    public static string Label(string metric, Language language) => metric switch
    {
        Metrics.Followers => language.Pick("Followers", "Abonnés"),
        Metrics.Impressions => language.Pick("Impressions", "Impressions"),
        Metrics.Reach => language.Pick("Reach", "Portée"),
        Metrics.Engagements => language.Pick("Engagements", "Interactions"),
        Metrics.Clicks => language.Pick("Clicks", "Clics"),
        Metrics.PostsPublished => language.Pick("Posts published", "Publications"),
        Metrics.CommentsReceived => language.Pick("Comments received", "Commentaires reçus"),
        _ => metric,
    };
}
