using System.Globalization;
using CmBot.Domain.Brands;
using CmBot.Domain.Drafts;
using CmBot.Domain.Integrations;
using CmBot.Domain.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CmBot.Api;

/// <summary>
/// Metric values per day, network and metric name, written on that key: sending a value again replaces it, the
/// same value again changes nothing. One, a batch, or a CSV file (<see cref="MetricsCsvApi"/>).
/// </summary>
public static class MetricsApi
{
    public const int MaxBatch = 1000;

    /// <param name="Date">The brand's local day, yyyy-MM-dd.</param>
    public sealed record NewMetric(string? Date, string? Network, string? Metric, double? Value);

    public sealed record MetricBatch(IReadOnlyList<NewMetric>? Samples);

    public sealed record MetricsWritten(int Inserted, int Updated, int Unchanged);

    public static void MapMetricsApi(this RouteGroupBuilder api)
    {
        var metrics = api.MapGroup("/metrics").WithTags("Metrics");
        metrics.MapPost("/", async Task<Results<Ok<MetricsWritten>, ValidationProblem>> (
            NewMetric body, HttpContext http, CmBotDb db, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, List<string>>();
            var input = Validate(body, "", errors);
            return input is null ? ApiProblems.Invalid(errors) : TypedResults.Ok(await WriteAsync(db, http, [input], cancellationToken));
        }).WithName("PostMetric");
        metrics.MapPost("/batch", async Task<Results<Ok<MetricsWritten>, ValidationProblem>> (
            MetricBatch body, HttpContext http, CmBotDb db, CancellationToken cancellationToken) =>
        {
            if (body.Samples is not { Count: > 0 and <= MaxBatch } samples)
                return ApiProblems.Invalid("samples", $"Send from 1 to {MaxBatch} samples.");
            var errors = new Dictionary<string, List<string>>();
            var inputs = samples.Select((s, i) => Validate(s, $"samples[{i}].", errors)).ToList();
            return errors.Count > 0 ? ApiProblems.Invalid(errors) : TypedResults.Ok(await WriteAsync(db, http, inputs!, cancellationToken));
        }).WithName("PostMetrics");
        metrics.MapMetricsCsv();
    }

    private static async Task<MetricsWritten> WriteAsync(CmBotDb db, HttpContext http, IReadOnlyCollection<MetricInput> inputs, CancellationToken cancellationToken)
    {
        var outcome = await MetricsUpsert.ApplyAsync(db, http.Caller().BrandId, inputs, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new(outcome.Inserted, outcome.Updated, outcome.Unchanged);
    }

    private static MetricInput? Validate(NewMetric? m, string at, Dictionary<string, List<string>> errors)
    {
        var before = errors.Count;
        if (m is null) { ApiProblems.Add(errors, at.TrimEnd('.'), "A sample is required."); return null; }
        if (!DateOnly.TryParseExact(m.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            ApiProblems.Add(errors, at + "date", "The date is the brand's local day, yyyy-MM-dd.");
        var (networks, unknown) = NetworkNames.Parse(m.Network ?? "", []);
        if (networks.Count != 1 || unknown.Count > 0) ApiProblems.Add(errors, at + "network", "One network: facebook, x, instagram, pinterest, linkedin or snapchat.");
        var metric = MetricNames.Normalize(m.Metric);
        if (metric is null) ApiProblems.Add(errors, at + "metric", "The metric is a name of letters, digits and '_', at most 64 characters (e.g. followers, impressions).");
        if (m.Value is not { } value || !double.IsFinite(value) || value < 0) ApiProblems.Add(errors, at + "value", "The value is a number, zero or more.");
        return errors.Count > before ? null : new MetricInput(day, networks[0], metric!, m.Value!.Value);
    }
}
