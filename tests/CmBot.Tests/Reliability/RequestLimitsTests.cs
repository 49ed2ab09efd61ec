using System.Net;
using System.Net.Http.Headers;

namespace CmBot.Tests.Reliability;

/// <summary>Every POST door answers 413 just past its size limit, with or without a Content-Length, and 400 to JSON nested too deep.</summary>
public sealed class RequestLimitsTests(ReliabilityFixture fixture) : IClassFixture<ReliabilityFixture>
{
    private ReliabilityHost Host => fixture.Host;

    public static TheoryData<string> Paths => [.. LimitBodies.Paths];

    public static TheoryData<string> JsonPaths => [.. LimitBodies.JsonPaths];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Body_OneByteOverTheLimit_Is413(string path)
    {
        var body = LimitBodies.Sized(path, Host.ServiceUrl, LimitBodies.LimitOf(path) + 1);

        var response = await Host.SendAsync(path, body, LimitBodies.ContentTypeOf(path));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task BodyWithoutLength_OneByteOverTheLimit_Is413(string path)
    {
        var body = LimitBodies.Sized(path, Host.ServiceUrl, LimitBodies.LimitOf(path) + 1);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new UnsizedContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(LimitBodies.ContentTypeOf(path));

        var response = await Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Body_AtTheLimit_IsRead(string path)
    {
        var body = LimitBodies.Sized(path, Host.ServiceUrl, LimitBodies.LimitOf(path));

        var response = await Host.SendAsync(path, body, LimitBodies.ContentTypeOf(path));

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(JsonPaths))]
    public async Task Json_NestedDeeperThan32_Is400(string path)
    {
        var response = await Host.SendAsync(path, LimitBodies.TooDeep(path, Host.ServiceUrl), LimitBodies.ContentTypeOf(path));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>A body whose length is not known in advance, as a chunked upload sends it.</summary>
    private sealed class UnsizedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
