using System.Globalization;
using CmBot.Domain.Brands;
using CmBot.Domain.Drafts;

namespace CmBot.Domain.Integrations;

/// <summary>
/// A CSV header understood once: which layout, which column holds what. Each record then becomes metric values, or
/// the reason it is a bad row, on its own: a file is read row by row, never held whole.
/// </summary>
public sealed class MetricsCsvLayout
{
    private readonly List<string> keys;
    private readonly int dateColumn;
    private readonly Network wideNetwork;

    private MetricsCsvLayout(MetricsCsvFormat format, List<string> keys, int dateColumn, Network wideNetwork) =>
        (Format, this.keys, this.dateColumn, this.wideNetwork) = (format, keys, dateColumn, wideNetwork);

    public MetricsCsvFormat Format { get; }

    /// <param name="format">Forced by the uploader, or null to detect it from the header.</param>
    /// <param name="network">For exports that do not say which network (Meta), or null.</param>
    /// <returns>Null with a reason when the header is none we know.</returns>
    public static (MetricsCsvLayout? Layout, string? Refusal) Of(IReadOnlyList<string> header, MetricsCsvFormat? format, Network? network)
    {
        format ??= MetricsCsvFormat.Detect(header);
        if (format is null)
            return (null, "The header matches no known layout: use date,network,metric,value or a Meta, LinkedIn or X analytics export.");
        var keys = header.Select(MetricsCsvFormat.Key).ToList();
        var dateColumn = keys.IndexOf("date");
        if (dateColumn < 0) return (null, "The header has no 'date' column.");
        return (new MetricsCsvLayout(format, keys, dateColumn, network ?? format.Network ?? GuessMetaNetwork(header)), null);
    }

    /// <param name="first">The file's first record: the Facebook Page export's describes the columns.</param>
    /// <returns>The row's values, or the reason it is bad; neither for a row that holds no data.</returns>
    public (IReadOnlyList<MetricInput>? Values, string? Reason) Read(CsvRecord record, bool first)
    {
        if (record.Fields.All(string.IsNullOrWhiteSpace)) return (null, null);
        // The Facebook Page export's second row describes the columns: not data, not an error.
        if (Format == MetricsCsvFormat.Meta && first && !TryDate(Field(record, dateColumn), out _)) return (null, null);
        var (values, reason) = Format.IsLong ? LongRow(record) : WideRow(record);
        return reason is null ? (values, null) : (null, reason);
    }

    private (List<MetricInput> Values, string? Reason) LongRow(CsvRecord record)
    {
        var date = Field(record, dateColumn);
        if (!TryDate(date, out var day)) return ([], $"date '{date}' is not a date (yyyy-MM-dd)");
        var networkText = Field(record, keys.IndexOf("network"));
        if (NetworkNames.Parse(networkText, []) is not ([var network], [])) return ([], $"network '{networkText}' is not one network we know");
        var metricText = Field(record, keys.IndexOf("metric"));
        if (MetricNames.Normalize(metricText) is not { } metric) return ([], $"metric '{metricText}' is not a metric name (letters, digits, '_')");
        var valueText = Field(record, keys.IndexOf("value"));
        if (!TryValue(valueText, out var value, out var why)) return ([], $"value '{valueText}' {why}");
        return ([new MetricInput(day, network, metric, value)], null);
    }

    private (List<MetricInput> Values, string? Reason) WideRow(CsvRecord record)
    {
        var date = Field(record, dateColumn);
        if (!TryDate(date, out var day)) return ([], $"date '{date}' is not a date");
        var values = new List<MetricInput>();
        for (var column = 0; column < keys.Count; column++)
        {
            if (!Format.Columns.TryGetValue(keys[column], out var metric)) continue;
            var text = Field(record, column);
            if (string.IsNullOrWhiteSpace(text)) continue; // No figure that day: nothing to record.
            if (!TryValue(text, out var value, out var why)) return ([], $"column '{keys[column]}': '{text}' {why}");
            values.Add(new MetricInput(day, wideNetwork, metric, value));
        }
        return values.Count == 0 ? ([], "no figure in any known column") : (values, null);
    }

    private static Network GuessMetaNetwork(IReadOnlyList<string> header) =>
        header.Any(h => h.Contains("instagram", StringComparison.OrdinalIgnoreCase)) ? Network.Instagram : Network.Facebook;

    private static string Field(CsvRecord record, int column) => column >= 0 && column < record.Fields.Count ? record.Fields[column].Trim() : "";

    private bool TryDate(string text, out DateOnly day)
    {
        day = default;
        if (DateTime.TryParseExact(text, [.. Format.DateFormats], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
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
