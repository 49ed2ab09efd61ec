using System.Net;
using System.Text;
using System.Text.Json;

namespace CmBot.Tests.Api;

/// <summary>A body the API cannot bind gets a problem saying what is wrong, in the API's words, never the framework's.</summary>
public sealed class BadRequestTests : IDisposable
{
    private readonly ApiHost host = new();
    private readonly HttpClient client;

    public BadRequestTests()
    {
        var brand = host.SeedBrand("Acme", "room-a");
        client = host.Client(host.NewKey(brand.Id));
    }

    private async Task<JsonElement> ProblemOf(string path, string body, string contentType = "application/json")
    {
        var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // Nothing of the code behind: no .NET type, handler parameter or exception.
        foreach (var inside in new[] { "System.", "NewComment", "NewDraft", "Exception", "parameter", " at " })
            Assert.DoesNotContain(inside, text);
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task MalformedJson_Is400_SayingTheBodyIsNotJson_AndWhere()
    {
        var problem = await ProblemOf("/api/comments", """{"network":"facebook", "author" "Jeanne"}""");

        Assert.Equal("The request body is not valid JSON.", problem.GetProperty("title").GetString());
        Assert.StartsWith("Line 1, byte 33: ", problem.GetProperty("detail").GetString());
        Assert.Equal(0, host.WithDb(db => db.Comments.Count()));
    }

    [Fact]
    public async Task FieldOfTheWrongType_Is400_NamingTheFieldAndWhatItTakes()
    {
        var problem = await ProblemOf("/api/comments", """{"network":"facebook","author":"Jeanne","text":"Bonjour","needsReply":{"no":1}}""");

        var errors = problem.GetProperty("errors");
        Assert.Equal("The value has the wrong type: expected true or false.", errors.GetProperty("needsReply")[0].GetString());
        Assert.Equal("'needsReply' has the wrong type: expected true or false.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/comments/batch", """{"comments":[{"network":"x","receivedAt":12}]}""", "comments[0].receivedAt", "a date and time")]
    [InlineData("/api/drafts", """{"text":"Hello","networks":"facebook"}""", "networks", "an array")]
    [InlineData("/api/metrics", """{"date":"2026-05-11","network":"x","metric":"reach","value":"many"}""", "value", "a number")]
    public async Task NestedOrListField_OfTheWrongType_IsNamedByItsPath(string path, string body, string field, string expected)
    {
        var problem = await ProblemOf(path, body);

        Assert.StartsWith($"The value has the wrong type: expected {expected}", problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"a comment\"")]
    public async Task BodyThatIsNotAnObject_Is400_SayingSo(string body)
    {
        var problem = await ProblemOf("/api/comments", body);

        Assert.Equal("The request body must be a JSON object.", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public async Task EmptyOrNullBody_Is400_SayingAnObjectIsExpected(string body)
    {
        var problem = await ProblemOf("/api/comments", body);

        Assert.Equal("The request body must be a JSON object.", problem.GetProperty("title").GetString());
    }

    public void Dispose()
    {
        client.Dispose();
        host.Dispose();
    }
}
