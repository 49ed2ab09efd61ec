namespace CmBot.Domain.Integrations;

/// <summary>
/// An API request made with an <c>Idempotency-Key</c>, recorded in the same transaction as its effects, with
/// the answer it got: a retry of the same request gets the same answer and changes nothing; the same key on
/// a different request is refused.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }
    public int BrandId { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 of the method, path and body: tells a retry from a different request under the same key.</summary>
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? ResponseBody { get; set; }
    public string? Location { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
