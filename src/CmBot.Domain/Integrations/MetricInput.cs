using CmBot.Domain.Brands;

namespace CmBot.Domain.Integrations;

/// <summary>One metric value for one local day and network, as a source hands it over (API, CSV row).</summary>
public sealed record MetricInput(DateOnly Day, Network Network, string Metric, double Value);
