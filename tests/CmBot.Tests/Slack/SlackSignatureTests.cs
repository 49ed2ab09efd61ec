using System.Text;
using CmBot.Slack;

namespace CmBot.Tests.Slack;

public sealed class SlackSignatureTests
{
    // Slack's documented worked example (slack.md §1), checked at its own moment.
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly DateTimeOffset DocNow = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    private const string JsonSecret = "5c0b1a29384756e6f7a8b9c0d1e2f3a4";
    private const string JsonBody = """{"token":"Xq7LmN2pR4sT6vW8yZ0aB1cD","challenge":"h7JkP2mQ9rT4vX6zB8dF1gH3jL5nR7tV9xZ2cE4fG6hJ8kM0pS","type":"url_verification"}""";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public void DocumentedExample_ComputesSlacksSignature()
    {
        Assert.Equal(362, Encoding.UTF8.GetByteCount(DocBody));
        Assert.Equal(DocSignature, SlackSignature.Compute(DocSecret, DocTimestamp, Encoding.UTF8.GetBytes(DocBody)));
    }

    [Fact]
    public void DocumentedExample_AtItsMoment_IsValid() =>
        Assert.True(SlackSignature.IsValid(DocSecret, DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody), DocNow, Window));

    [Fact]
    public void JsonVector_MatchesAndItsNegativeDoesNot()
    {
        var body = Encoding.UTF8.GetBytes(JsonBody);
        Assert.Equal("v0=dec07dd85f84d089795130ad36c30db9bd7e6f212b5e35b601225f9623678f0f", SlackSignature.Compute(JsonSecret, "1778491200", body));
        Assert.Equal("v0=61e36c74c857587ebc1f5c0f199077ea16fb178ede3ebd5ce47833f49a4a9ed9", SlackSignature.Compute(JsonSecret, "1778491201", body));
        var now = DateTimeOffset.FromUnixTimeSeconds(1778491201);
        Assert.True(SlackSignature.IsValid(JsonSecret, "1778491200", "v0=dec07dd85f84d089795130ad36c30db9bd7e6f212b5e35b601225f9623678f0f", body, now, Window));
        Assert.False(SlackSignature.IsValid(JsonSecret, "1778491201", "v0=dec07dd85f84d089795130ad36c30db9bd7e6f212b5e35b601225f9623678f0f", body, now, Window));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Signature_OutsideFiveMinutesEitherWay_IsRefused(int offsetSeconds) =>
        Assert.False(SlackSignature.IsValid(DocSecret, DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody), DocNow.AddSeconds(offsetSeconds), Window));

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Signature_AtTheEdgeOfTheWindow_IsAccepted(int offsetSeconds) =>
        Assert.True(SlackSignature.IsValid(DocSecret, DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody), DocNow.AddSeconds(offsetSeconds), Window));

    [Theory]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b502")] // last digit changed
    [InlineData("v0=a2114d57")] // shorter
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")] // unknown version
    [InlineData("")]
    public void Signature_Tampered_IsRefused(string signature) =>
        Assert.False(SlackSignature.IsValid(DocSecret, DocTimestamp, signature, Encoding.UTF8.GetBytes(DocBody), DocNow, Window));

    [Fact]
    public void Body_ChangedByOneByte_IsRefused() =>
        Assert.False(SlackSignature.IsValid(DocSecret, DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody + " "), DocNow, Window));

    [Fact]
    public void NoSigningSecretConfigured_RefusesEverything() =>
        Assert.False(SlackSignature.IsValid(null, DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody), DocNow, Window));
}
