using System.Text.RegularExpressions;

namespace CmBot.Slack;

/// <summary>Slack's text rules: escaping for mrkdwn, trimming to a limit, and reading what people typed.</summary>
public static partial class SlackText
{
    public const string Ellipsis = "…";

    /// <summary>Only these three are special in mrkdwn (in this order); anything else HTML-encoded would show literally.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public static string Unescape(string text) => text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");

    /// <summary>At most <paramref name="max"/> characters (UTF-16, as Slack counts), ending in "…" when cut; never splits a surrogate pair.</summary>
    public static string Trim(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = max - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..Math.Max(cut, 0)] + Ellipsis;
    }

    /// <summary>Escapes, then trims so the escaped text fits (escaping lengthens it); a cut never leaves half an entity.</summary>
    public static string EscapeAndTrim(string text, int max)
    {
        var escaped = Escape(text);
        if (escaped.Length <= max) return escaped;
        var cut = escaped[..(max - Ellipsis.Length)];
        var amp = cut.LastIndexOf('&');
        if (amp >= 0 && cut.IndexOf(';', amp) < 0) cut = cut[..amp];
        if (cut.Length > 0 && char.IsHighSurrogate(cut[^1])) cut = cut[..^1];
        return cut + Ellipsis;
    }

    /// <summary>
    /// What a person typed, as the domain wants it: the bot's mention removed, other people's mentions as "@id",
    /// channels as "#name", links as their URL, entities decoded.
    /// </summary>
    public static string Clean(string? text, IReadOnlyCollection<string> botUserIds)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var cleaned = Markup().Replace(text, m =>
        {
            var inner = m.Groups[1].Value;
            var (target, label) = inner.IndexOf('|') is var bar and >= 0 ? (inner[..bar], inner[(bar + 1)..]) : (inner, null);
            return target[0] switch
            {
                '@' when botUserIds.Contains(target[1..]) => "",
                '@' => "@" + (label ?? target[1..]),
                '#' => "#" + (label ?? target[1..]),
                '!' => "@" + (label ?? target[1..].Split('^')[0]),
                _ => target,
            };
        });
        return Unescape(Spaces().Replace(cleaned, " ")).Trim();
    }

    /// <summary>The people mentioned, in order, the bot excepted.</summary>
    public static IReadOnlyList<string> MentionedUserIds(string? text, IReadOnlyCollection<string> botUserIds) =>
        string.IsNullOrEmpty(text)
            ? []
            : UserMention().Matches(text).Select(m => m.Groups[1].Value).Where(id => !botUserIds.Contains(id)).Distinct().ToList();

    [GeneratedRegex("<([@#!]?[^<>]+)>")]
    private static partial Regex Markup();

    [GeneratedRegex("<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>")]
    private static partial Regex UserMention();

    [GeneratedRegex("[ \\t]{2,}")]
    private static partial Regex Spaces();
}
