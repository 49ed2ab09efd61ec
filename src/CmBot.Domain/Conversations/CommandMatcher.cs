using System.Globalization;
using System.Text;

namespace CmBot.Domain.Conversations;

/// <summary>
/// Finds the command a message starts with, forgiving accents, case and small typos
/// ("nubmers", "agneda add"): the longest phrase that matches wins, then the closest.
/// </summary>
public sealed class CommandMatcher
{
    private readonly List<(string[] Words, IChatCommand Command)> phrases;

    public CommandMatcher(IEnumerable<IChatCommand> commands) =>
        phrases = commands
            .SelectMany(c => c.Info.Phrases.Select(p => (Words: Words(p), Command: c)))
            .OrderByDescending(p => p.Words.Length)
            .ToList();

    public (IChatCommand Command, string Arguments)? Match(string text)
    {
        var original = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var typed = original.Select(Normalize).ToArray();
        (IChatCommand Command, int Length, int Distance)? best = null;
        foreach (var (words, command) in phrases)
        {
            if (words.Length > typed.Length || (best is { } b && b.Length > words.Length)) continue;
            var distance = 0;
            for (var i = 0; i < words.Length && distance >= 0; i++)
            {
                var d = Within(typed[i], words[i], Tolerance(words[i]));
                distance = d >= 0 ? distance + d : -1;
            }
            if (distance >= 0 && (best is null || distance < best.Value.Distance))
                best = (command, words.Length, distance);
        }
        return best is { } found ? (found.Command, string.Join(' ', original.Skip(found.Length))) : null;
    }

    /// <summary>Lower case, no accents: "Créer" and "creer" are the same word.</summary>
    public static string Normalize(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string(kept.ToArray()).Normalize(NormalizationForm.FormC);
    }

    private static string[] Words(string phrase) =>
        phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Normalize).ToArray();

    /// <summary>Short words must be exact; longer ones forgive one slip, long ones two.</summary>
    private static int Tolerance(string word) => word.Length switch { <= 3 => 0, <= 7 => 1, _ => 2 };

    /// <summary>The distance between the words when it is at most <paramref name="tolerance"/>, else -1; cheap for most pairs.</summary>
    private static int Within(string typed, string word, int tolerance)
    {
        if (typed == word) return 0;
        if (tolerance == 0 || Math.Abs(typed.Length - word.Length) > tolerance) return -1; // Each missing letter costs one.
        var d = Distance(typed, word);
        return d <= tolerance ? d : -1;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
