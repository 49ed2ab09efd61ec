using System.Net;
using System.Text;

namespace CmBot.Tests.Reliability;

/// <summary>The shapes the fuzz found answered with 500, each pinned: a short 400, or 200-and-ignore where the peer's protocol ignores what it does not know.</summary>
public sealed class MalformedInputTests(ReliabilityFixture fixture) : IClassFixture<ReliabilityFixture>
{
    private ReliabilityHost Host => fixture.Host;

    /// <summary>A string holding a lone 0xFF byte: the parser accepts it, reading the string would throw.</summary>
    private static byte[] WithInvalidUtf8(string before, string after) => [.. Encoding.UTF8.GetBytes(before), 0xFF, .. Encoding.UTF8.GetBytes(after)];

    [Theory]
    [InlineData("/api/messages", """{"type":"message","serviceUrl":"http://127.0.0.1/","text":"he""")]
    [InlineData("/slack/events", """{"type":"event_callback","event_id":"Ev-utf8","event":{"type":"message","text":"he""")]
    [InlineData("/webhooks/meta", """{"object":"page","entry":[{"id":"1""")]
    public async Task InvalidUtf8InAString_Is400(string path, string before)
    {
        var response = await Host.SendAsync(path, WithInvalidUtf8(before, path == "/webhooks/meta" ? "\"}]}" : "\"}" + (path == "/slack/events" ? "}" : "")), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"page\"")]
    [InlineData("""{"object":"page","entry":[{"id":"1","changes":["feed",null,7]}]}""")]
    [InlineData("""{"object":"page","entry":[{"id":"1","messaging":[[],"x",null]}]}""")]
    [InlineData("""{"object":"page","entry":[{"id":"1","messaging":[{"sender":{"id":"2"},"timestamp":9223372036854775807,"message":{"mid":"m1","text":"hi"}}]}]}""")]
    public async Task MetaDelivery_OfAnUnexpectedShape_IsIgnoredWith200(string body)
    {
        var response = await Host.SendAsync("/webhooks/meta", Encoding.UTF8.GetBytes(body), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SlackEvent_WithAuthorizationsThatAreNotObjects_Is200()
    {
        var body = """{"type":"event_callback","event_id":"Ev-auth","team_id":"T1","authorizations":[false,"x",[]],"event":{"type":"message","channel_type":"im","channel":"D1","user":"U1","text":"help","ts":"1.000001"}}""";

        var response = await Host.SendAsync("/slack/events", Encoding.UTF8.GetBytes(body), "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ApiBody_OfTheWrongType_Is400_WithoutAnErrorLogged()
    {
        var body = """{"network":"facebook","author":"Jeanne","text":"Bonjour","needsReply":{"no":1}}""";

        var response = await Host.SendAsync("/api/comments", Encoding.UTF8.GetBytes(body), "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Host.Errors.Entries);
    }
}
