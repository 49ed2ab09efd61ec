namespace CmBot.Domain.Integrations;

/// <summary>A CSV file as read by the host's parser: its header and its records with their line numbers in the file.</summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<CsvRecord> Records);
