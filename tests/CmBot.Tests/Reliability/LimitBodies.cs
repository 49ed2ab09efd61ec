using System.Text;
using CmBot.Tests.Slack;
using CmBot.Tests.Teams;

namespace CmBot.Tests.Reliability;

/// <summary>
/// For each POST door: its size limit, its content type, and a well-formed body padded to an exact size (JSON with
/// trailing whitespace, forms with an extra field), or nested too deep for the JSON parsers.
/// </summary>
public static class LimitBodies
{
    public const int Teams = 256 * 1024;
    public const int Host = 1024 * 1024;
    public const int Upload = 5 * 1024 * 1024;

    public static readonly string[] Paths =
        ["/api/messages", "/slack/events", "/slack/interactivity", "/slack/commands", "/webhooks/meta", "/api/comments", "/api/metrics/csv"];

    public static readonly string[] JsonPaths = ["/api/messages", "/slack/events", "/slack/interactivity", "/webhooks/meta", "/api/comments"];

    public static int LimitOf(string path) => path switch
    {
        "/api/messages" => Teams,
        "/api/metrics/csv" => Upload,
        _ => Host,
    };

    public static string ContentTypeOf(string path) => path switch
    {
        "/slack/interactivity" or "/slack/commands" => "application/x-www-form-urlencoded",
        "/api/metrics/csv" => "text/csv",
        _ => "application/json",
    };

    public static byte[] Sized(string path, string serviceUrl, int size)
    {
        var (start, pad) = path switch
        {
            "/api/messages" => (TeamsActivities.Message(serviceUrl, "help", "a:limits").ToJsonString(), ' '),
            "/slack/events" => (Samples.Read("slack-url-verification.json"), ' '),
            "/slack/interactivity" => ("payload=" + Uri.EscapeDataString(Samples.Read("slack-block-actions.json")) + "&pad=", 'x'),
            "/slack/commands" => ("command=%2Fcmbot&text=help&user_id=U03PRIYA9RM&channel_id=C05DRAFTS01&team_id=T01&pad=", 'x'),
            "/webhooks/meta" => (File.ReadAllText(Support.Repository.PathOf("tests", "CmBot.Tests", "Webhooks", "Samples", "page-feed-comment.json")), ' '),
            "/api/comments" => ("""{"network":"facebook","author":"Jeanne","text":"Limits","externalId":"limits-1"}""", ' '),
            _ => ("date,network,metric,value\n", ' '),
        };
        var bytes = Encoding.UTF8.GetBytes(start);
        return [.. bytes, .. Enumerable.Repeat((byte)pad, size - bytes.Length)];
    }

    /// <summary>
    /// A valid body (the one <see cref="Sized"/> starts from) with an ignored field nested past the parsers' 32 levels,
    /// yet within the 64 System.Text.Json allows by default: only the depth limit refuses it.
    /// </summary>
    public static byte[] TooDeep(string path, string serviceUrl, int depth = 40)
    {
        var deep = new string('[', depth) + new string(']', depth);
        var json = path switch
        {
            "/api/messages" => TeamsActivities.Message(serviceUrl, "help", "a:deep").ToJsonString(),
            "/slack/events" => Samples.Read("slack-url-verification.json"),
            "/slack/interactivity" => Samples.Read("slack-block-actions.json"),
            "/webhooks/meta" => File.ReadAllText(Support.Repository.PathOf("tests", "CmBot.Tests", "Webhooks", "Samples", "page-feed-comment.json")),
            _ => """{"network":"facebook","author":"Jeanne","text":"Deep","externalId":"deep-1"}""",
        };
        var nested = json.TrimEnd()[..^1] + ",\"ignored\":" + deep + "}";
        var body = path == "/slack/interactivity" ? "payload=" + Uri.EscapeDataString(nested) : nested;
        return Encoding.UTF8.GetBytes(body);
    }
}
