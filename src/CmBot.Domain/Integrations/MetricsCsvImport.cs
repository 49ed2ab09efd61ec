using CmBot.Domain.Brands;
using CmBot.Domain.Numbers;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Integrations;

/// <summary>
/// Imports a CSV table of metrics: every good row is written (<see cref="MetricsUpsert"/>), every bad one is reported
/// with its line number and the reason.
/// </summary>
/// <remarks>
/// Rows are read as the file is, and written a chunk at a time, each chunk's figures forgotten by the context once
/// saved: a 5 MB file held whole and tracked whole cost the test host some 370 MB (now about 70). A figure repeated
/// in a later chunk is counted again (changed or unchanged), as if the file had been sent in parts.
/// </remarks>
public static class MetricsCsvImport
{
    /// <summary>Figures per save: the API's batch bound, a few MB of tracked entities at most.</summary>
    public const int ChunkSize = 1000;

    public sealed record RowError(int Line, string Reason);

    public sealed record Result(MetricsCsvFormat Format, int GoodRows, IReadOnlyList<RowError> Errors, MetricsUpsert.Outcome Written);

    /// <summary>Saves the figures (inside the caller's transaction, if it has one).</summary>
    /// <param name="format">Forced by the uploader, or null to detect it from the header.</param>
    /// <param name="network">For exports that do not say which network (Meta), or null.</param>
    /// <returns>Null with a reason when the header is none we know.</returns>
    public static async Task<(Result? Result, string? Refusal)> ImportAsync(
        CmBotDb db, int brandId, CsvTable table, MetricsCsvFormat? format, Network? network, CancellationToken cancellationToken)
    {
        var (layout, refusal) = MetricsCsvLayout.Of(table.Header, format, network);
        if (layout is null) return (null, refusal);
        var chunk = new List<MetricInput>(ChunkSize);
        var errors = new List<RowError>();
        var (good, index) = (0, 0);
        var written = new MetricsUpsert.Outcome(0, 0, 0);
        await foreach (var record in table.Records.WithCancellation(cancellationToken))
        {
            var (values, reason) = layout.Read(record, first: index++ == 0);
            if (reason is not null) errors.Add(new(record.Line, reason));
            if (values is null) continue;
            good++;
            chunk.AddRange(values);
            if (chunk.Count < ChunkSize) continue;
            written += await WriteAsync(db, brandId, chunk, cancellationToken);
            chunk.Clear();
        }
        written += await WriteAsync(db, brandId, chunk, cancellationToken);
        return (new Result(layout.Format, good, errors, written), null);
    }

    private static async Task<MetricsUpsert.Outcome> WriteAsync(CmBotDb db, int brandId, List<MetricInput> chunk, CancellationToken cancellationToken)
    {
        var outcome = await MetricsUpsert.ApplyAsync(db, brandId, chunk, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        // Only the figures: whatever else the caller tracks (a conversation, an idempotency record) stays tracked.
        foreach (var entry in db.ChangeTracker.Entries<MetricSample>().ToList()) entry.State = EntityState.Detached;
        return outcome;
    }
}
