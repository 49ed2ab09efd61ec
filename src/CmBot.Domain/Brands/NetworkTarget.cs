namespace CmBot.Domain.Brands;

/// <summary>How many posts a day the brand aims for on one network.</summary>
public sealed class NetworkTarget
{
    public int Id { get; set; }
    public int BrandId { get; set; }
    public Network Network { get; set; }
    public int MinPerDay { get; set; }
    public int MaxPerDay { get; set; }
}
