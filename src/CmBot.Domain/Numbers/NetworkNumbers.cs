using CmBot.Domain.Brands;

namespace CmBot.Domain.Numbers;

/// <summary>The metrics of one network, in the order they are shown.</summary>
public sealed record NetworkNumbers(Network Network, IReadOnlyList<MetricComparison> Metrics);
