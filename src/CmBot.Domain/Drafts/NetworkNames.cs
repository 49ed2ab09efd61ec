using CmBot.Domain.Brands;
using CmBot.Domain.Conversations;

namespace CmBot.Domain.Drafts;

/// <summary>
/// Reads the networks people type: "x, linkedin", "Twitter et Insta", "linkdin" (a typo), "all". Names are
/// compared without case or accents and forgive a slip, as commands do.
/// </summary>
public static class NetworkNames
{
    private static readonly (string Name, Network Network)[] Names =
    [
        ("x", Network.X), ("twitter", Network.X), ("tweet", Network.X),
        ("facebook", Network.Facebook), ("fb", Network.Facebook),
        ("instagram", Network.Instagram), ("insta", Network.Instagram), ("ig", Network.Instagram),
        ("pinterest", Network.Pinterest), ("pin", Network.Pinterest),
        ("linkedin", Network.LinkedIn), ("li", Network.LinkedIn),
        ("snapchat", Network.Snapchat), ("snap", Network.Snapchat),
    ];

    private static readonly string[] All = ["all", "every", "tous", "tout", "toutes"];
    private static readonly string[] Joiners = ["and", "et", "&", "+"];

    /// <param name="brandNetworks">What "all" means: the networks the brand is active on.</param>
    public static (List<Network> Networks, List<string> Unknown) Parse(string text, IEnumerable<Network> brandNetworks)
    {
        var found = new List<Network>();
        var unknown = new List<string>();
        foreach (var part in text.Split([',', ';', '/', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "linked in" is one name typed in two words; "x and linkedin" is two names.
            var joined = CommandMatcher.Normalize(part.Replace(" ", ""));
            if (Find(joined) is { } whole) { found.Add(whole); continue; }
            foreach (var word in part.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(CommandMatcher.Normalize))
            {
                if (Joiners.Contains(word)) continue;
                if (All.Contains(word)) found.AddRange(brandNetworks);
                else if (Find(word) is { } network) found.Add(network);
                else unknown.Add(word);
            }
        }
        return (found.Distinct().Order().ToList(), unknown);
    }

    private static Network? Find(string word)
    {
        var tolerance = word.Length switch { <= 3 => 0, <= 6 => 1, _ => 2 };
        return Names
            .Select(n => (n.Network, Distance: CommandMatcher.Distance(word, n.Name)))
            .Where(n => n.Distance <= tolerance)
            .OrderBy(n => n.Distance)
            .Select(n => (Network?)n.Network)
            .FirstOrDefault();
    }
}
