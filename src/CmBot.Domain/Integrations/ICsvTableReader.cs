namespace CmBot.Domain.Integrations;

/// <summary>Parses a CSV file into a <see cref="CsvTable"/>; the host provides it (CsvHelper lives there, not in the domain).</summary>
public interface ICsvTableReader
{
    /// <summary>Reads the header now and the records as the table's are enumerated; the stream stays the caller's.</summary>
    /// <returns>Null when the file is empty.</returns>
    Task<CsvTable?> ReadAsync(Stream stream, CancellationToken cancellationToken);
}
