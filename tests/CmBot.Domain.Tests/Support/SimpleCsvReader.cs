using CmBot.Domain.Integrations;

namespace CmBot.Domain.Tests.Support;

/// <summary>The host's CsvHelper reader stood in for by a comma split: enough for quote-free test files.</summary>
public sealed class SimpleCsvReader : ICsvTableReader
{
    public async Task<CsvTable?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var lines = (await new StreamReader(stream).ReadToEndAsync(cancellationToken)).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count == 0 || lines[0].Length == 0) return null;
        var records = lines.Skip(1).Select((l, i) => new CsvRecord(i + 2, l.Split(','))).Where(r => r.Fields.Any(f => f.Length > 0)).ToList();
        return new CsvTable(lines[0].Split(','), records.ToAsyncEnumerable());
    }
}
