using System.Globalization;
using CmBot.Domain.Brands;
using CmBot.Domain.Drafts;

namespace CmBot.Domain.Integrations;

/// <summary>
/// Turns a CSV table into metric values: every good row is kept, every bad one is reported with its line number
/// and the reason; nothing is written here (see <see cref="MetricsUpsert"/>).
/// </summary>
public static class MetricsCsvImport
{
    public sealed record RowError(int Line, string Reason);

    public sealed record Result(MetricsCsvFormat Format, IReadOnlyList<MetricInput> Values, int GoodRows, IReadOnlyList<RowError> Errors);

    /// <param name="format">Forced by the uploader, or null to detect it from the header.</param>
    /// <param name="network">For exports that do not say which network (Meta), or null.</param>
    /// <returns>Null with a reason when the header is none we know.</returns>
    public static (Result? Result, string? Refusal) Read(CsvTable table, MetricsCsvFormat? format, Network? network)
    {
        format ??= MetricsCsvFormat.Detect(table.Header);
        if (format is null)
            return (null, "The header matches no known layout: use date,network,metric,value or a Meta, LinkedIn or X analytics export.");
        var keys = table.Header.Select(MetricsCsvFormat.Key).ToList();
        var dateColumn = keys.IndexOf("date");
        if (dateColumn < 0) return (null, "The header has no 'date' column.");
        var values = new List<MetricInput>();
        var errors = new List<RowError>();
        var good = 0;
        var wideNetwork = network ?? format.Network ?? GuessMetaNetwork(table.Header);
        foreach (var (record, index) in table.Records.Select((r, i) => (r, i)))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace)) continue;
            var date = Field(record, dateColumn);
            // The Facebook Page export's second row describes the columns: not data, not an error.
            if (format == MetricsCsvFormat.Meta && index == 0 && !TryDate(date, format, out _)) continue;
            var (row, reason) = format.IsLong ? LongRow(record, keys, format) : WideRow(record, keys, dateColumn, format, wideNetwork);
            if (reason is not null) { errors.Add(new(record.Line, reason)); continue; }
            good++;
            values.AddRange(row);
        }
        return (new Result(format, values, good, errors), null);
    }

    private static (List<MetricInput> Values, string? Reason) LongRow(CsvRecord record, List<string> keys, MetricsCsvFormat format)
    {
        var date = Field(record, keys.IndexOf("date"));
        if (!TryDate(date, format, out var day)) return ([], $"date '{date}' is not a date (yyyy-MM-dd)");
        var networkText = Field(record, keys.IndexOf("network"));
        if (NetworkNames.Parse(networkText, []) is not ([var network], [])) return ([], $"network '{networkText}' is not one network we know");
        var metricText = Field(record, keys.IndexOf("metric"));
        if (MetricNames.Normalize(metricText) is not { } metric) return ([], $"metric '{metricText}' is not a metric name (letters, digits, '_')");
        var valueText = Field(record, keys.IndexOf("value"));
        if (!TryValue(valueText, out var value, out var why)) return ([], $"value '{valueText}' {why}");
        return ([new MetricInput(day, network, metric, value)], null);
    }

    private static (List<MetricInput> Values, string? Reason) WideRow(CsvRecord record, List<string> keys, int dateColumn, MetricsCsvFormat format, Network network)
    {
        var date = Field(record, dateColumn);
        if (!TryDate(date, format, out var day)) return ([], $"date '{date}' is not a date");
        var values = new List<MetricInput>();
        for (var column = 0; column < keys.Count; column++)
        {
            if (!format.Columns.TryGetValue(keys[column], out var metric)) continue;
            var text = Field(record, column);
            if (string.IsNullOrWhiteSpace(text)) continue; // No figure that day: nothing to record.
            if (!TryValue(text, out var value, out var why)) return ([], $"column '{keys[column]}': '{text}' {why}");
            values.Add(new MetricInput(day, network, metric, value));
        }
        return values.Count == 0 ? ([], "no figure in any known column") : (values, null);
    }

    private static Network GuessMetaNetwork(IReadOnlyList<string> header) =>
        header.Any(h => h.Contains("instagram", StringComparison.OrdinalIgnoreCase)) ? Network.Instagram : Network.Facebook;

    private static string Field(CsvRecord record, int column) => column >= 0 && column < record.Fields.Count ? record.Fields[column].Trim() : "";

    private static bool TryDate(string text, MetricsCsvFormat format, out DateOnly day)
    {
        day = default;
        if (DateTime.TryParseExact(text, [.. format.DateFormats], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            day = DateOnly.FromDateTime(parsed);
            return true;
        }
        // Timestamps with an offset ("2026-11-20T08:00:00+0000") keep the day they name.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && text.Contains('-'))
        {
            day = DateOnly.FromDateTime(instant.DateTime);
            return true;
        }
        return false;
    }

    private static bool TryValue(string text, out double value, out string why)
    {
        why = "";
        var cleaned = text.Trim().TrimEnd('%').Replace("\u00a0", "").Replace(" ", "");
        if (!double.TryParse(cleaned, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            why = "is not a number";
            return false;
        }
        if (value < 0)
        {
            why = "is negative";
            return false;
        }
        return true;
    }
}
