namespace CmBot.Domain.Numbers;

/// <summary>A brand's numbers for one span compared with the span before: per network, in total, and the team's own.</summary>
public sealed record WeeklyNumbers(
    int BrandId,
    string BrandName,
    WeekSpans Spans,
    IReadOnlyList<MetricComparison> Totals,
    IReadOnlyList<NetworkNumbers> Networks,
    TeamNumbers Team,
    TeamNumbers PreviousTeam)
{
    /// <summary>Metrics sampled in the spans but not computed (<see cref="NumbersCalculator.ComputeHeadlinesAsync"/>).</summary>
    public int MetricsLeftOut { get; init; }
}
