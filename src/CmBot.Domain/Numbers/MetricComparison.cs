namespace CmBot.Domain.Numbers;

/// <summary>One metric in the two spans; null where no sample was imported for that span.</summary>
public sealed record MetricComparison(string Metric, double? Current, double? Previous)
{
    public double? Delta => Current - Previous;

    /// <summary>The change in percent of the previous value; null when there is nothing to compare with.</summary>
    public double? Percent => Previous is { } before && before != 0 && Delta is { } delta ? delta / before * 100 : null;
}
