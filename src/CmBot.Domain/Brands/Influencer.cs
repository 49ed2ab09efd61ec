namespace CmBot.Domain.Brands;

public sealed class Influencer
{
    public int Id { get; set; }
    public int BrandId { get; set; }
    public required string Name { get; set; }
    public required string Handle { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    public DateTimeOffset? LastContactedAt { get; set; }
}
