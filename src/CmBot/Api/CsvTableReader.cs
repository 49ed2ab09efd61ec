using System.Globalization;
using System.Runtime.CompilerServices;
using CmBot.Domain.Integrations;
using CsvHelper;
using CsvHelper.Configuration;

namespace CmBot.Api;

/// <summary>
/// Reads a CSV file with CsvHelper into a header and records with their line numbers, whatever the delimiter (',' or
/// ';' as spreadsheets in French write it) and with the "sep=," first line Excel and Meta exports may carry. Records
/// are parsed as they are asked for: a file is never held whole.
/// </summary>
/// <remarks>
/// Registered as the domain's <see cref="ICsvTableReader"/>, so chat imports read files exactly as the API does.
/// </remarks>
public sealed class CsvTableReader : ICsvTableReader
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        DetectDelimiter = true,
        DetectDelimiterValues = [",", ";", "\t"],
        BadDataFound = null,
        MissingFieldFound = null,
        IgnoreBlankLines = true,
    };

    public async Task<CsvTable?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var text = new StreamReader(stream, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        if (await text.ReadLineAsync(cancellationToken) is not { } first) return null;
        var hint = first.StartsWith("sep=", StringComparison.OrdinalIgnoreCase);
        var parser = new CsvParser(hint ? text : new PrefixedTextReader(first + "\n", text), Configuration);
        if (!await parser.ReadAsync() || parser.Record is not { } header)
        {
            parser.Dispose();
            return null;
        }
        return new CsvTable(header, RecordsAsync(parser, skipped: hint ? 1 : 0));
    }

    private static async IAsyncEnumerable<CsvRecord> RecordsAsync(CsvParser parser, int skipped, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using (parser)
        {
            while (await parser.ReadAsync())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new CsvRecord(parser.RawRow + skipped, parser.Record ?? []);
            }
        }
    }
}
