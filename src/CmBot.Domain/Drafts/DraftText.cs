using System.Text.RegularExpressions;

namespace CmBot.Domain.Drafts;

/// <summary>The hashtags and links a post's text carries, so the card can list them without retyping.</summary>
internal static partial class DraftText
{
    public static List<string> Hashtags(string text) =>
        HashtagPattern().Matches(text).Select(m => m.Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static List<string> Links(string text) =>
        LinkPattern().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')')).Distinct().ToList();

    /// <summary>
    /// The list after an edit: what the new text carries, plus what was given apart from the old text
    /// (a media URL attached to the draft), which an edit of the words must not drop.
    /// </summary>
    public static List<string> Merge(List<string> before, List<string> fromOldText, List<string> fromNewText) =>
        fromNewText.Concat(before.Except(fromOldText)).Distinct().ToList();

    [GeneratedRegex(@"(?<![\w#])#\w+")]
    private static partial Regex HashtagPattern();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
