namespace CmBot.Domain.Integrations;

/// <summary>One record of a CSV file and the line it starts on, so a bad row can be named.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
