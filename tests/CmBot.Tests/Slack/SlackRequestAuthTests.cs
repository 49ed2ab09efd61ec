using System.Net;
using System.Text;

namespace CmBot.Tests.Slack;

/// <summary>What reaches the three endpoints without a valid signature gets a bare 401 and changes nothing.</summary>
public sealed class SlackRequestAuthTests : IAsyncLifetime
{
    private SlackHost host = null!;
    private static readonly string Body = Samples.Read("slack-url-verification.json");

    public async Task InitializeAsync() => host = await SlackHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactivity")]
    [InlineData("/slack/commands")]
    public async Task Request_WithoutSignatureHeaders_Is401WithNoDetail(string path)
    {
        var response = await host.Client.PostAsync(path, new StringContent(Body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactivity")]
    [InlineData("/slack/commands")]
    public async Task Request_SignedWithAnotherSecret_Is401(string path)
    {
        var response = await host.PostSignedAsync(path, Body, "application/json", secret: "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    // The host reads the real clock, to the millisecond, while a timestamp is whole seconds: a margin of a few seconds
    // keeps the request on the refused side whatever second boundary passes meanwhile. The exact edge (300 s accepted,
    // 301 s refused) is pinned with a fixed clock in SlackSignatureTests.
    [Theory]
    [InlineData(-305)]
    [InlineData(305)]
    public async Task Request_WithTimestampMoreThanFiveMinutesOff_Is401(int offsetSeconds)
    {
        var response = await host.PostSignedAsync("/slack/events", Body, "application/json", timestamp: SlackHost.Now + offsetSeconds);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithBodyChangedAfterSigning_Is401()
    {
        var ts = SlackHost.Now.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new StringContent(Body + " ", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", CmBot.Slack.SlackSignature.Compute(SlackHost.Secret, ts, Encoding.UTF8.GetBytes(Body)));

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SslCheck_Unsigned_Is200()
    {
        var response = await host.Client.PostAsync("/slack/commands",
            new StringContent("ssl_check=1&token=Xq7LmN2pR4sT6vW8yZ0aB1cD", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/slack/events", "{not json", "application/json")]
    [InlineData("/slack/events", "{\"type\":\"event_callback\"}", "application/json")]
    [InlineData("/slack/interactivity", "nopayload=1", "application/x-www-form-urlencoded")]
    [InlineData("/slack/interactivity", "payload=%7Bbroken", "application/x-www-form-urlencoded")]
    [InlineData("/slack/commands", "command=%2Fcm&text=help", "application/x-www-form-urlencoded")]
    public async Task SignedButMalformed_Is400WithAShortReason(string path, string body, string contentType)
    {
        var response = await host.PostSignedAsync(path, body, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var reason = await response.Content.ReadAsStringAsync();
        Assert.InRange(reason.Length, 1, 80);
        Assert.Equal("1", response.Headers.GetValues("X-Slack-No-Retry").Single());
    }
}
