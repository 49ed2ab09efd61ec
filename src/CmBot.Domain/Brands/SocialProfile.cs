namespace CmBot.Domain.Brands;

/// <summary>One of the brand's profiles whose About section is reviewed every month.</summary>
public sealed class SocialProfile
{
    public int Id { get; set; }
    public int BrandId { get; set; }
    public Network Network { get; set; }
    public required string Handle { get; set; }
    public string? Url { get; set; }
    public DateTimeOffset? AboutReviewedAt { get; set; }
    public string? AboutReviewedBy { get; set; }
}
