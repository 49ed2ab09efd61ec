namespace CmBot.Domain.Brands;

public static class BrandDefaults
{
    /// <summary>Typical daily posting targets from the field (DESIGN.md).</summary>
    public static List<NetworkTarget> NetworkTargets() =>
    [
        new() { Network = Network.Facebook, MinPerDay = 1, MaxPerDay = 2 },
        new() { Network = Network.X, MinPerDay = 3, MaxPerDay = 6 },
        new() { Network = Network.Instagram, MinPerDay = 1, MaxPerDay = 3 },
        new() { Network = Network.Pinterest, MinPerDay = 1, MaxPerDay = 3 },
        new() { Network = Network.LinkedIn, MinPerDay = 1, MaxPerDay = 1 },
        new() { Network = Network.Snapchat, MinPerDay = 0, MaxPerDay = 6 },
    ];

    /// <summary>Words (fr and en) that turn a comment into an urgent one.</summary>
    public static readonly IReadOnlyList<string> AlertWords =
    [
        "complaint", "refund", "scam", "fraud", "lawyer", "lawsuit", "boycott", "disgusting", "dangerous", "worst",
        "plainte", "remboursement", "rembourser", "arnaque", "escroquerie", "avocat", "boycott", "honte", "dangereux", "scandale",
    ];
}
