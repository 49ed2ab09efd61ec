using System.Globalization;
using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Common;

namespace CmBot.Domain.Drafts;

/// <summary>How long a post may be on each network, checked when a draft is written and when it is edited.</summary>
public static class NetworkLimits
{
    private static readonly Dictionary<Network, int> Limits = new()
    {
        [Network.X] = 280,
        [Network.LinkedIn] = 3_000,
        [Network.Instagram] = 2_200,
        [Network.Pinterest] = 500,
        [Network.Facebook] = 63_206,
        // Snapchat publishes no caption limit: one line on screen holds about 80 characters, and the guides
        // CMs plan with cite 250 as the cap for a caption. We take 250 so we never refuse a caption Snapchat
        // accepts, while still catching a LinkedIn-sized text sent to Snapchat by mistake.
        [Network.Snapchat] = 250,
    };

    public static int Of(Network network) => Limits[network];

    /// <summary>
    /// The length people see: grapheme clusters, so "é" or a flag emoji counts once. X weighs some characters
    /// (URLs, emoji) differently; a text right at its limit can still need a trim there.
    /// </summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>Why <paramref name="text"/> does not fit one of <paramref name="networks"/>, or null when it fits them all.</summary>
    public static string? Problem(string text, IEnumerable<Network> networks, Language language)
    {
        var length = Length(text);
        var culture = language.Culture();
        foreach (var network in networks.OrderBy(Of))
        {
            if (length <= Of(network)) continue;
            var (count, limit) = (length.ToString("N0", culture), Of(network).ToString("N0", culture));
            return language.Pick(
                $"Too long for {network}: {count} characters, the limit is {limit}.",
                $"Trop long pour {network} : {count} caractères, la limite est de {limit}.");
        }
        return null;
    }

    /// <summary>Refuses a text that does not fit one of the networks, naming the network, the length and the limit.</summary>
    public static void Ensure(string text, IEnumerable<Network> networks, Language language)
    {
        if (Problem(text, networks, language) is { } problem) throw new DomainException(problem);
    }

    /// <summary>"X 280, LinkedIn 3,000": the limits that apply to the chosen networks.</summary>
    public static string Describe(IEnumerable<Network> networks, Language language) =>
        string.Join(", ", networks.Select(n => $"{n} {Of(n).ToString("N0", language.Culture())}"));
}
