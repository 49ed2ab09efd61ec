using System.Text;

namespace CmBot.Domain.Integrations;

/// <summary>Metric names as stored: lower case, words joined by '_' ("Posts published" is "posts_published").</summary>
public static class MetricNames
{
    public static string? Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var builder = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
            else if ((c is ' ' or '_' or '-' or '.') && builder.Length > 0 && builder[^1] != '_') builder.Append('_');
            else if (c is not (' ' or '_' or '-' or '.')) return null;
        }
        var normalized = builder.ToString().TrimEnd('_');
        return normalized.Length is > 0 and <= 64 ? normalized : null;
    }
}
