namespace CmBot.Domain.Integrations;

/// <summary>Parses a CSV file into a <see cref="CsvTable"/>; the host provides it (CsvHelper lives there, not in the domain).</summary>
public interface ICsvTableReader
{
    /// <returns>Null when the file is empty.</returns>
    Task<CsvTable?> ReadAsync(Stream stream, CancellationToken cancellationToken);
}
