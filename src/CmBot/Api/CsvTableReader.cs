using System.Globalization;
using CmBot.Domain.Integrations;
using CsvHelper;
using CsvHelper.Configuration;

namespace CmBot.Api;

/// <summary>
/// Reads a CSV file with CsvHelper into a header and records with their line numbers, whatever the delimiter (',' or
/// ';' as spreadsheets in French write it) and with the "sep=," first line Excel and Meta exports may carry.
/// </summary>
/// <remarks>
/// Registered as the domain's <see cref="ICsvTableReader"/>, so chat imports read files exactly as the API does.
/// </remarks>
public sealed class CsvTableReader : ICsvTableReader
{
    public async Task<CsvTable?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var text = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        var content = await text.ReadToEndAsync(cancellationToken);
        var skipped = 0;
        if (content.StartsWith("sep=", StringComparison.OrdinalIgnoreCase))
        {
            var end = content.IndexOf('\n');
            content = end < 0 ? "" : content[(end + 1)..];
            skipped = 1;
        }
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = null,
            MissingFieldFound = null,
            IgnoreBlankLines = true,
        };
        using var parser = new CsvParser(new StringReader(content), configuration);
        if (!await parser.ReadAsync() || parser.Record is not { } header) return null;
        var records = new List<CsvRecord>();
        while (await parser.ReadAsync())
            records.Add(new CsvRecord(parser.RawRow + skipped, parser.Record ?? []));
        return new CsvTable(header, records);
    }
}
