using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CmBot.Domain.Comments;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Tests.Api;

public sealed class CommentsApiTests : IDisposable
{
    private readonly ApiHost host = new();

    private static object Comment(string text = "Where can I buy the new candle?", string? externalId = "fb_c_1") =>
        new { network = "facebook", author = "Jeanne", text, externalId, permalink = "https://facebook.com/p/1" };

    [Fact]
    public async Task PostedComment_BecomesACardInTheBrandsChannel_WithinASecond()
    {
        var brand = host.SeedBrand("Acme", "room-a");
        var client = host.Client(host.NewKey(brand.Id));

        var response = await client.PostAsJsonAsync("/api/comments", Comment());
        var answered = Stopwatch.StartNew();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var staged = host.WithDb(db => db.OutboxMessages.AsNoTracking().Where(m => m.CardKey == CommentCard.KeyOf(id)).ToList());
        Assert.Equal(("test", "room-a"), (Assert.Single(staged).Channel, staged[0].ConversationId));
        await ApiHost.EventuallyAsync(() => !host.Channel.Posts.IsEmpty, TimeSpan.FromSeconds(1), "the comment card to be sent");
        Assert.True(answered.Elapsed < TimeSpan.FromSeconds(1));
        var (conversation, content, _) = Assert.Single(host.Channel.Posts);
        Assert.Equal("room-a", conversation);
        Assert.Equal(CommentCard.KeyOf(id), content.Card?.Key);
        Assert.Contains("Where can I buy the new candle?", content.Card?.Text);
    }

    [Fact]
    public async Task RetriedPost_WithTheSameIdempotencyKey_GetsTheSameAnswerAndCreatesNothing()
    {
        var brand = host.SeedBrand("Acme", "room-a");
        var client = host.Client(host.NewKey(brand.Id));
        HttpRequestMessage Request(object body) => new(HttpMethod.Post, "/api/comments")
        {
            Content = JsonContent.Create(body),
            Headers = { { "Idempotency-Key", "retry-42" } },
        };

        var first = await client.SendAsync(Request(Comment(externalId: null)));
        var retry = await client.SendAsync(Request(Comment(externalId: null)));
        var reused = await client.SendAsync(Request(Comment("Something else entirely", externalId: null)));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(1, host.WithDb(db => db.Comments.Count()));
        Assert.Equal(1, host.WithDb(db => db.OutboxMessages.Count()));
    }

    [Fact]
    public async Task SameExternalId_PostedTwice_IsOneComment()
    {
        var brand = host.SeedBrand("Acme", "room-a");
        var client = host.Client(host.NewKey(brand.Id));

        var first = await client.PostAsJsonAsync("/api/comments", Comment());
        var again = await client.PostAsJsonAsync("/api/comments", Comment());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetBoolean());
        Assert.Equal(1, host.WithDb(db => db.Comments.Count()));
    }

    [Fact]
    public async Task Batch_TakesEveryComment_AndNamesTheBadOneByIndex()
    {
        var brand = host.SeedBrand("Acme", "room-a");
        var client = host.Client(host.NewKey(brand.Id));

        var bad = await client.PostAsJsonAsync("/api/comments/batch", new { comments = new[] { Comment(), new { network = "myspace", author = "X", text = "hi" } } });
        var good = await client.PostAsJsonAsync("/api/comments/batch", new { comments = new[] { Comment(), Comment("Refund now, this is a scam!", "fb_c_2") } });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("comments[1].network", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var comments = host.WithDb(db => db.Comments.OrderBy(c => c.Id).ToList());
        Assert.Equal(2, comments.Count);
        Assert.True(comments[1].IsUrgent);
    }

    [Fact]
    public async Task InvalidComment_IsAProblemDetailsNamingEachField()
    {
        var brand = host.SeedBrand("Acme", "room-a");
        var client = host.Client(host.NewKey(brand.Id));

        var response = await client.PostAsJsonAsync("/api/comments", new { network = "fax", author = "Jeanne" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("network", out _));
        Assert.True(errors.TryGetProperty("text", out _));
        Assert.False(errors.TryGetProperty("author", out _));
        Assert.Equal(0, host.WithDb(db => db.Comments.Count()));
    }

    public void Dispose() => host.Dispose();
}
