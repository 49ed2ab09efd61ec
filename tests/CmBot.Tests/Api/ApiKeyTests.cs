using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Drafts;

namespace CmBot.Tests.Api;

public sealed partial class ApiKeyTests : IDisposable
{
    private readonly ApiHost host = new();

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-key")]
    [InlineData("Bearer cmb_00000000_forged-secret")]
    public async Task Request_WithoutAValidKey_Is401(string? authorization)
    {
        host.SeedBrand("Acme", "room-a");
        var client = host.Client();
        if (authorization is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.GetAsync("/api/brands");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task KeyOfBrandA_NeitherReadsNorWritesBrandB()
    {
        var a = host.SeedBrand("Acme", "room-a");
        var b = host.SeedBrand("Globex", "room-b");
        var keyA = host.NewKey(a.Id);
        var keyB = host.NewKey(b.Id);
        var draftOfB = await (await host.Client(keyB).PostAsJsonAsync("/api/drafts", new { text = "Globex news", networks = new[] { "linkedin" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var client = host.Client(keyA);

        var brands = await client.GetFromJsonAsync<JsonElement>("/api/brands");
        var read = await client.GetAsync($"/api/drafts/{draftOfB.GetProperty("id").GetInt32()}");
        var deliveries = await client.GetAsync($"/api/drafts/{draftOfB.GetProperty("id").GetInt32()}/deliveries");
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/drafts");
        var written = await client.PostAsJsonAsync("/api/comments", new { network = "x", author = "@jo", text = "hello" });

        Assert.Equal("Acme", Assert.Single(brands.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deliveries.StatusCode);
        Assert.Empty(listed.EnumerateArray());
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        Assert.Equal([a.Id], host.WithDb(db => db.Comments.Select(c => c.BrandId).ToList()));
    }

    [Fact]
    public async Task KeyMadeInChat_Works_UntilRevoked()
    {
        var brand = host.SeedBrand("Acme", "room-a");

        var created = await host.SayAsync("room-a", ApiHost.Ana, "brand apikey new zapier");
        var key = KeyPattern().Match(Assert.IsType<TextReply>(Assert.Single(created)).Text).Value;
        var before = await host.Client(key).GetAsync("/api/brands");
        await host.SayAsync("room-a", ApiHost.Ana, "brand apikey revoke zapier");
        var after = await host.Client(key).GetAsync("/api/brands");

        Assert.NotEmpty(key);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.DoesNotContain(host.WithDb(db => db.ApiKeys.Select(k => k.SecretHash).ToList()), h => key.Contains(h));
        _ = brand;
    }

    [Fact]
    public async Task XApiKeyHeader_IsAcceptedToo()
    {
        var brand = host.SeedBrand("Acme", "room-a");
        var client = host.Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", host.NewKey(brand.Id));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/brands")).StatusCode);
    }

    [Fact]
    public async Task PostedDraft_WaitsForApproval_WithItsCardInTheChannel()
    {
        var brand = host.SeedBrand("Acme", "room-a");
        var client = host.Client(host.NewKey(brand.Id, "buffer"));

        var response = await client.PostAsJsonAsync("/api/drafts", new { text = "New candle, out Monday #autumn", networks = new[] { "instagram", "fb" } });
        var tooLong = await client.PostAsJsonAsync("/api/drafts", new { text = new string('a', 300), networks = new[] { "x" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var draft = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(nameof(DraftState.Pending), draft.GetProperty("state").GetString());
        Assert.Equal(["Facebook", "Instagram"], draft.GetProperty("networks").EnumerateArray().Select(n => n.GetString()).ToList());
        Assert.Equal($"/api/drafts/{draft.GetProperty("id").GetInt32()}", response.Headers.Location?.OriginalString);
        await ApiHost.EventuallyAsync(() => host.Channel.Posts.Any(p => p.Content.Card?.Key == DraftCard.Key(draft.GetProperty("id").GetInt32())),
            TimeSpan.FromSeconds(2), "the draft card");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("text", out _));
    }

    [GeneratedRegex(@"cmb_[0-9a-f]{8}_[A-Za-z0-9_-]+")]
    private static partial Regex KeyPattern();

    public void Dispose() => host.Dispose();
}
