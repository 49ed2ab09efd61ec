using System.Globalization;
using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Routines;

/// <summary>The brand's influencer list: who to contact next, and adding to it.</summary>
public static class InfluencerList
{
    private static readonly StringComparer ByName = StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true);

    /// <summary>Never contacted first, then the longest ago; ties by name, so the proposal is stable.</summary>
    public static List<Influencer> InProposalOrder(IEnumerable<Influencer> influencers) => influencers
        .OrderBy(i => i.LastContactedAt.HasValue)
        .ThenBy(i => i.LastContactedAt)
        .ThenBy(i => i.Name, ByName)
        .ThenBy(i => i.Id)
        .ToList();

    public static Influencer? Propose(IEnumerable<Influencer> influencers) => InProposalOrder(influencers).FirstOrDefault();

    /// <summary>The candidate after <paramref name="currentId"/> in proposal order, starting over at the end.</summary>
    public static Influencer? After(IEnumerable<Influencer> influencers, int? currentId)
    {
        var ordered = InProposalOrder(influencers);
        var index = ordered.FindIndex(i => i.Id == currentId);
        return ordered.Count == 0 ? null : ordered[(index + 1) % ordered.Count];
    }

    public static Task<List<Influencer>> OfBrandAsync(CmBotDb db, int brandId, CancellationToken cancellationToken) =>
        db.Influencers.Where(i => i.BrandId == brandId).ToListAsync(cancellationToken);

    /// <summary>
    /// Adds from "&lt;name&gt; &lt;handle&gt;": the last word is the handle (an @name or a web address), the rest the name.
    /// The caller saves.
    /// </summary>
    public static async Task<Influencer> AddAsync(CmBotDb db, int brandId, string arguments, DateTimeOffset now, Language language, CancellationToken cancellationToken)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var usage = language.Pick("Type `influencers add <name> <handle>`, e.g. `influencers add Léa Martin @leamartin` (a handle starts with @, or is a web address).",
            "Tapez `influenceurs ajouter <nom> <compte>`, par ex. `influenceurs ajouter Léa Martin @leamartin` (un compte commence par @, ou est une adresse web).");
        if (words.Length < 2) throw new DomainException(usage);
        var handle = words[^1];
        var name = string.Join(' ', words[..^1]);
        if (!IsHandle(handle)) throw new DomainException(language.Pick($"“{handle}” is not a handle. ", $"« {handle} » n'est pas un compte. ") + usage);
        var existing = await db.Influencers.Where(i => i.BrandId == brandId).ToListAsync(cancellationToken);
        if (existing.FirstOrDefault(i => string.Equals(i.Handle, handle, StringComparison.OrdinalIgnoreCase)) is { } twin)
            throw new DomainException(language.Pick($"{twin.Handle} is already on the list, as {twin.Name}.", $"{twin.Handle} est déjà dans la liste, sous le nom {twin.Name}."));
        var influencer = new Influencer { BrandId = brandId, Name = name, Handle = handle, AddedAt = now };
        db.Influencers.Add(influencer);
        return influencer;
    }

    public static bool IsHandle(string handle) =>
        (handle.Length > 1 && handle[0] == '@' && !handle[1..].Contains('@'))
        || (Uri.TryCreate(handle, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}
