using System.Text;
using CmBot.Domain.Conversations;

namespace CmBot.Domain.Comments;

/// <summary>
/// Finds a brand's alert words in a comment: whole words, ignoring case and accents, so "Remboursement"
/// and "REMBOURSÉ" read the same as what the brand typed. A trailing plural "s" or "x" is forgiven
/// ("refunds", "plaintes"); other endings are not, so "scammer" does not match "scam" and
/// "complaints" does: a false alarm at 3 a.m. costs more than a brand adding one more word.
/// Alert words of several words ("bad buzz") match as a phrase.
/// </summary>
public static class AlertWordMatcher
{
    public static bool Matches(string text, IEnumerable<string> alertWords) => FirstMatch(text, alertWords) is not null;

    /// <summary>The first alert word found in <paramref name="text"/>, as the brand wrote it; null when none.</summary>
    public static string? FirstMatch(string text, IEnumerable<string> alertWords)
    {
        var words = Words(text);
        foreach (var alert in alertWords)
        {
            var phrase = Words(alert);
            if (phrase.Length == 0) continue;
            for (var i = 0; i + phrase.Length <= words.Length; i++)
            {
                if (phrase.Select((w, j) => Same(words[i + j], w)).All(same => same)) return alert;
            }
        }
        return null;
    }

    private static bool Same(string typed, string alert) =>
        typed == alert || (typed.Length == alert.Length + 1 && typed.StartsWith(alert, StringComparison.Ordinal) && typed[^1] is 's' or 'x');

    /// <summary>Lower case, accent-free words; anything that is not a letter or a digit separates them.</summary>
    private static string[] Words(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in CommandMatcher.Normalize(text)) builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
