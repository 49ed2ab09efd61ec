using CmBot.Domain.Brands;

namespace CmBot.Domain.Numbers;

/// <summary>One metric of one network for one local day of a brand (followers, impressions, reach…; an open set).</summary>
public sealed class MetricSample
{
    public long Id { get; set; }
    public int BrandId { get; set; }
    public Network Network { get; set; }
    public DateOnly Day { get; set; }
    public required string Metric { get; set; }
    public double Value { get; set; }
}
