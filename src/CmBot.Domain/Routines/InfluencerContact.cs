namespace CmBot.Domain.Routines;

/// <summary>A contact made with an influencer of the brand's list.</summary>
public sealed class InfluencerContact
{
    public int Id { get; set; }
    public int BrandId { get; set; }
    public int InfluencerId { get; set; }
    public DateTimeOffset ContactedAt { get; set; }
    public required string ById { get; set; }
    public required string ByName { get; set; }
}
