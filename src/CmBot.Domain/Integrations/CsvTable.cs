namespace CmBot.Domain.Integrations;

/// <summary>
/// A CSV file as read by the host's parser: its header, then its records with their line numbers in the file, read
/// from the file as they are enumerated (once), so that no import holds a whole file.
/// </summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IAsyncEnumerable<CsvRecord> Records);
