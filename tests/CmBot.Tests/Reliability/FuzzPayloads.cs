using System.Text;
using System.Text.Json.Nodes;
using CmBot.Tests.Slack;

namespace CmBot.Tests.Reliability;

/// <summary>
/// Builds payload number <c>n</c> from the sample payloads, deterministically (its own seed), for one of the doors:
/// the JSON tree is damaged by <see cref="JsonMutator"/>, then the bytes may be truncated, salted with invalid UTF-8,
/// or sent under a wrong content type; a few are raw noise or empty.
/// </summary>
public sealed class FuzzPayloads
{
    private static readonly string[] ContentTypes = ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=latin1",
        "%%%", "application/x-www-form-urlencoded", "application/json"];

    private readonly int seed;
    private readonly Dictionary<string, string[]> samples;

    /// <summary>Every address in the samples points at the host's fakes: nothing generated here reaches the network.</summary>
    public FuzzPayloads(int seed, ReliabilityHost host)
    {
        this.seed = seed;
        var (serviceUrl, responseUrl) = (host.ServiceUrl, host.Slack.ResponseUrl());
        samples = new()
        {
            ["/api/messages"] = Teams(serviceUrl, host.Connector.BaseUrl),
            ["/slack/events"] = [Samples.Read("slack-event-app-mention.json"), Samples.Read("slack-url-verification.json"), SlackFileShare(host.Slack.Root)],
            ["/slack/interactivity"] = [WithResponseUrl("slack-block-actions.json", responseUrl), Samples.Read("slack-view-submission.json")],
            ["/slack/commands"] = ["""{"command":"/cmbot","text":"help","user_id":"U03PRIYA9RM","user_name":"priya","channel_id":"C05DRAFTS01","team_id":"T04CMTY7Q2N","trigger_id":"13345224609.738474920.8088930838d88f008e0","response_url":"RESPONSE_URL"}""".Replace("RESPONSE_URL", responseUrl, StringComparison.Ordinal)],
            ["/webhooks/meta"] = new[] { "page-feed-comment.json", "instagram-comment.json", "messenger-message.json" }
                .Select(n => File.ReadAllText(Support.Repository.PathOf("tests", "CmBot.Tests", "Webhooks", "Samples", n))).ToArray(),
            ["/api/comments"] = [Comment, """{"comments":[""" + Comment + "," + Comment.Replace("fuzz-1", "fuzz-2", StringComparison.Ordinal) + "]}"],
        };
    }

    private const string Comment = """{"network":"instagram","author":"@jeanne","text":"Où est ma commande ?","permalink":"https://instagram.com/p/1","externalId":"fuzz-1","receivedAt":"2026-11-21T09:00:00Z","isPrivate":false,"needsReply":true}""";

    /// <summary>The doors, with how many payloads of every 20 each gets: the chat doors, which parse the most, get the most.</summary>
    private static readonly (string Path, int Share)[] Doors =
        [("/api/messages", 5), ("/slack/events", 4), ("/slack/interactivity", 3), ("/slack/commands", 3), ("/webhooks/meta", 3), ("/api/comments", 2)];

    public IReadOnlyList<string> Paths => Doors.Select(d => d.Path).ToList();

    public FuzzPayload Make(int n)
    {
        var random = new Random(seed * 1_000_003 + n);
        var slot = n % 20;
        var path = Doors.First(d => (slot -= d.Share) < 0).Path;
        var damage = new List<string>();
        var sample = samples[path][random.Next(samples[path].Length)];
        byte[] body;
        var kind = random.Next(100);
        if (kind < 3) { damage.Add("noise"); body = new byte[random.Next(1, 2048)]; random.NextBytes(body); }
        else if (kind < 5) { damage.Add("empty"); body = []; }
        else
        {
            var tree = new JsonMutator(random).Mutate(JsonNode.Parse(sample), damage);
            body = Encode(path, tree, random, damage);
            if (random.Next(5) == 0) { var cut = random.Next(body.Length + 1); damage.Add($"truncated at {cut}"); body = body[..cut]; }
            if (random.Next(10) == 0) body = InvalidUtf8(body, random, damage);
        }
        var contentType = DefaultContentType(path);
        if (random.Next(10) == 0) { contentType = random.Next(8) == 0 ? null : ContentTypes[random.Next(ContentTypes.Length)]; damage.Add($"content-type {contentType ?? "none"}"); }
        return new FuzzPayload(path, body, contentType, string.Join(", ", damage));
    }

    public static string DefaultContentType(string path) =>
        path is "/slack/interactivity" or "/slack/commands" ? "application/x-www-form-urlencoded" : "application/json";

    /// <summary>JSON as is; interactivity as a form field "payload"; a slash command's fields as a form (wrong types written as JSON text).</summary>
    private static byte[] Encode(string path, JsonNode? tree, Random random, List<string> damage)
    {
        var json = tree?.ToJsonString() ?? "null";
        if (path == "/slack/interactivity")
            return Encoding.UTF8.GetBytes(random.Next(20) == 0 ? json : "payload=" + Uri.EscapeDataString(json));
        if (path != "/slack/commands") return Encoding.UTF8.GetBytes(json);
        if (tree is not JsonObject fields) return Encoding.UTF8.GetBytes(json);
        var form = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : f.Value?.ToJsonString() ?? "")));
        if (random.Next(10) == 0) { damage.Add("bad escapes"); form += random.Next(2) == 0 ? "&text=%FF%FE%C0%AF" : "&text=%ZZ%&=&&=="; }
        return Encoding.UTF8.GetBytes(form);
    }

    private static byte[] InvalidUtf8(byte[] body, Random random, List<string> damage)
    {
        byte[][] bad = [[0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]];
        var at = random.Next(body.Length + 1);
        var chosen = bad[random.Next(bad.Length)];
        damage.Add($"invalid utf-8 at {at}");
        return [.. body[..at], .. chosen, .. body[at..]];
    }

    /// <summary>The Teams samples, pointed at the fake connector; a file's download address at a missing file there, never the network.</summary>
    private static string[] Teams(string serviceUrl, string fileRoot) => Directory.GetFiles(Path.Combine(Support.Repository.PathOf("tests", "CmBot.Tests", "Teams", "Samples")), "*.json")
        .Order(StringComparer.Ordinal)
        .Select(f =>
        {
            var activity = JsonNode.Parse(File.ReadAllText(f))!.AsObject();
            activity["serviceUrl"] = serviceUrl;
            foreach (var attachment in activity["attachments"]?.AsArray() ?? [])
                if (attachment?["content"] is JsonObject { } content && content.ContainsKey("downloadUrl")) content["downloadUrl"] = fileRoot + "/files/missing.csv";
            return activity.ToJsonString();
        })
        .ToArray();

    private static string WithResponseUrl(string sample, string responseUrl)
    {
        var body = Samples.Json(sample);
        body["response_url"] = responseUrl;
        return body.ToJsonString();
    }

    private static string SlackFileShare(string fileRoot)
    {
        var body = Samples.Json("slack-event-file-share-im.json");
        foreach (var file in body["event"]!["files"]!.AsArray())
        {
            file!["url_private"] = fileRoot + "/files/missing.csv";
            file["url_private_download"] = fileRoot + "/files/missing.csv";
        }
        return body.ToJsonString();
    }
}
