using System.Net;
using System.Security.Cryptography;
using System.Text;
using CmBot.Domain.Brands;
using CmBot.Domain.Integrations;
using CmBot.Tests.Api;
using CmBot.Tests.Support;

namespace CmBot.Tests.Webhooks;

public sealed class MetaWebhookTests : IDisposable
{
    private const string PageId = "104857600000001";
    private const string InstagramId = "17841400000000002";
    private readonly ApiHost host = new();

    private static byte[] Sample(string name) => File.ReadAllBytes(Repository.PathOf("tests", "CmBot.Tests", "Webhooks", "Samples", name));

    private static string Signature(byte[] body, string secret = ApiHost.MetaAppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private Task<HttpResponseMessage> DeliverAsync(byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/meta") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null) request.Headers.Add("X-Hub-Signature-256", signature);
        return host.Client().SendAsync(request);
    }

    private Brand LinkedBrand()
    {
        var brand = host.SeedBrand("Maison Test", "room-a");
        host.WithDb(db =>
        {
            db.MetaAccounts.Add(new MetaAccount { BrandId = brand.Id, Network = Network.Facebook, AccountId = PageId });
            db.MetaAccounts.Add(new MetaAccount { BrandId = brand.Id, Network = Network.Instagram, AccountId = InstagramId });
            return db.SaveChanges();
        });
        return brand;
    }

    [Fact]
    public async Task Verification_WithTheVerifyToken_EchoesTheChallengeAsText()
    {
        var response = await host.Client().GetAsync($"/webhooks/meta?hub.mode=subscribe&hub.verify_token={ApiHost.MetaVerifyToken}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("subscribe", "wrong-token")]
    [InlineData("unsubscribe", ApiHost.MetaVerifyToken)]
    public async Task Verification_WithAnythingElse_Is403(string mode, string token)
    {
        var response = await host.Client().GetAsync($"/webhooks/meta?hub.mode={mode}&hub.verify_token={token}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ForgedDelivery_IsRefused_AndChangesNothing()
    {
        LinkedBrand();
        var body = Sample("page-feed-comment.json");

        var unsigned = await DeliverAsync(body, null);
        var wrongSecret = await DeliverAsync(body, Signature(body, "not-the-app-secret"));
        var tampered = await DeliverAsync(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("back in stock", "a SCAM")), Signature(body));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(0, host.WithDb(db => db.Comments.Count()));
    }

    [Fact]
    public async Task GenuinePageComment_BecomesACommentCard_OnceThoughDeliveredTwice()
    {
        var brand = LinkedBrand();
        var body = Sample("page-feed-comment.json");

        var first = await DeliverAsync(body, Signature(body));
        var again = await DeliverAsync(body, Signature(body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        // The Page's own reply and the reaction are not comments to answer.
        var comment = Assert.Single(host.WithDb(db => db.Comments.ToList()));
        Assert.Equal((brand.Id, Network.Facebook, "9001_42424242", "Jeanne Martin"), (comment.BrandId, comment.Network, comment.ExternalId, comment.Author));
        Assert.Equal("Is the autumn candle back in stock?", comment.Text);
        Assert.Equal("https://www.facebook.com/104857600000001/posts/9001", comment.Permalink);
        await ApiHost.EventuallyAsync(() => host.Channel.Posts.Any(p => p.Content.Card?.Text?.Contains("autumn candle") == true),
            TimeSpan.FromSeconds(2), "the comment card in the brand's channel");
    }

    [Fact]
    public async Task InstagramComment_AndMessengerMessage_BecomeCommentsNeedingAReply()
    {
        LinkedBrand();
        var instagram = Sample("instagram-comment.json");
        var messenger = Sample("messenger-message.json");

        await DeliverAsync(instagram, Signature(instagram));
        await DeliverAsync(messenger, Signature(messenger));

        var comments = host.WithDb(db => db.Comments.OrderBy(c => c.Id).ToList());
        Assert.Equal(2, comments.Count);
        Assert.Equal((Network.Instagram, "@jeanne.m", "17865799348089039", true), (comments[0].Network, comments[0].Author, comments[0].ExternalId, comments[0].IsUrgent));
        Assert.Equal((Network.Facebook, "m_AbCdEfGhIjKlMnOp", true, true), (comments[1].Network, comments[1].ExternalId, comments[1].IsPrivateMessage, comments[1].NeedsReply));
    }

    [Fact]
    public async Task DeliveryForAnUnlinkedAccount_IsAcknowledged_AndIgnored()
    {
        host.SeedBrand("Maison Test", "room-a");
        var body = Sample("page-feed-comment.json");

        var response = await DeliverAsync(body, Signature(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, host.WithDb(db => db.Comments.Count()));
    }

    public void Dispose() => host.Dispose();
}
