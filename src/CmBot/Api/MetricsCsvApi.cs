using CmBot.Domain.Brands;
using CmBot.Domain.Drafts;
using CmBot.Domain.Integrations;
using CmBot.Domain.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CmBot.Api;

/// <summary>
/// `POST /api/metrics/csv`: a CSV file (multipart field "file", or the raw body as text/csv) in our layout or a
/// network's analytics export. Good rows are written, bad ones are listed with their line and reason; importing
/// the same file again changes nothing. The size bound (5 MB, 413 past it) is the host's: RequestLimits.MaxUploadBytes.
/// Figures are saved a chunk at a time: an import cut short (without an Idempotency-Key) keeps its first chunks, and
/// the same file sent again completes it.
/// </summary>
public static class MetricsCsvApi
{
    public sealed record CsvImportView(string Format, int Rows, int Inserted, int Updated, int Unchanged, IReadOnlyList<MetricsCsvImport.RowError> Errors);

    public static void MapMetricsCsv(this RouteGroupBuilder metrics) =>
        metrics.MapPost("/csv", async Task<Results<Ok<CsvImportView>, ValidationProblem>> (
                HttpContext http, CmBotDb db, ICsvTableReader csv, string? format, string? network, CancellationToken cancellationToken) =>
            {
                var forced = MetricsCsvFormat.Named(format);
                if (format is not null && forced is null)
                    return ApiProblems.Invalid("format", $"The format is one of: {string.Join(", ", MetricsCsvFormat.All.Select(f => f.Name))}.");
                Network? chosen = null;
                if (network is not null)
                {
                    if (NetworkNames.Parse(network, []) is not ([var one], [])) return ApiProblems.Invalid("network", "One network, e.g. facebook or instagram.");
                    chosen = one;
                }
                var stream = await FileAsync(http.Request, cancellationToken);
                if (stream is null) return ApiProblems.Invalid("file", "Send the CSV as the multipart field 'file', or as a text/csv body.");
                var table = await csv.ReadAsync(stream, cancellationToken);
                if (table is null) return ApiProblems.Invalid("file", "The file is empty.");

                var (read, refusal) = await MetricsCsvImport.ImportAsync(db, http.Caller().BrandId, table, forced, chosen, cancellationToken);
                if (read is null) return ApiProblems.Invalid("file", refusal!);
                var written = read.Written;
                return TypedResults.Ok(new CsvImportView(read.Format.Name, read.GoodRows, written.Inserted, written.Updated, written.Unchanged, read.Errors));
            })
            // One Accepts: routing reads the last one only, and refuses other content types with 415.
            .Accepts<IFormFile>("multipart/form-data", "text/csv", "text/plain")
            .WithName("ImportMetricsCsv");

    private static async Task<Stream?> FileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType) return request.Body;
        var form = await request.ReadFormAsync(cancellationToken);
        return (form.Files["file"] ?? form.Files.FirstOrDefault())?.OpenReadStream();
    }
}
