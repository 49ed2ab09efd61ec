using CmBot.Domain.Brands;
using CmBot.Domain.Comments;
using CmBot.Domain.Common;
using CmBot.Domain.Drafts;
using CmBot.Domain.Numbers;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Demo;

/// <summary>
/// A French demo brand with a little of everything, so a newcomer's first `drafts`, `comments` or
/// `numbers` shows something real. Anyone may approve its drafts.
/// </summary>
public static class DemoData
{
    public const string BrandName = "Maison Lumière";

    public static async Task<bool> SeedIfEmptyAsync(CmBotDb db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.Brands.AnyAsync(cancellationToken)) return false;
        var now = clock.GetUtcNow();
        var brand = Brand.Create(BrandName, now, Language.Fr, "Europe/Paris");
        brand.AnyoneMayApprove = true;
        brand.Influencers.AddRange(
        [
            new() { Name = "Léa Martin", Handle = "@lea.deco", AddedAt = now, LastContactedAt = now.AddDays(-40) },
            new() { Name = "Hugo Bernard", Handle = "@hugo_maison", AddedAt = now },
            new() { Name = "Inès Petit", Handle = "@ines.lumiere", AddedAt = now, LastContactedAt = now.AddDays(-12) },
        ]);
        brand.Profiles.AddRange(
        [
            new() { Network = Network.Facebook, Handle = "MaisonLumiere", Url = "https://www.facebook.com/MaisonLumiere", AboutReviewedAt = now.AddDays(-35) },
            new() { Network = Network.Instagram, Handle = "@maison.lumiere", Url = "https://www.instagram.com/maison.lumiere" },
            new() { Network = Network.X, Handle = "@MaisonLumiere", Url = "https://x.com/MaisonLumiere" },
            new() { Network = Network.LinkedIn, Handle = "maison-lumiere", Url = "https://www.linkedin.com/company/maison-lumiere" },
        ]);
        db.Brands.Add(brand);
        await db.SaveChangesAsync(cancellationToken);

        db.Drafts.AddRange(Drafts(brand.Id, now));
        db.Comments.AddRange(Comments(brand, now));
        db.MetricSamples.AddRange(Samples(brand, clock));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static IEnumerable<Draft> Drafts(int brandId, DateTimeOffset now) =>
    [
        new() { BrandId = brandId, Text = "Nouvelle collection de luminaires en lin : découvrez-la en boutique dès samedi ✨", Networks = [Network.Instagram, Network.Facebook],
            Hashtags = ["#deco", "#luminaire"], PlannedAt = now.AddDays(1), AuthorId = "demo-camille", AuthorName = "Camille", CreatedAt = now.AddHours(-3) },
        new() { BrandId = brandId, Text = "Atelier gratuit : composer un éclairage chaleureux pour l'hiver. Inscriptions ouvertes !", Networks = [Network.X, Network.LinkedIn],
            Links = ["https://example.org/atelier"], PlannedAt = now.AddDays(2), AuthorId = "demo-camille", AuthorName = "Camille", CreatedAt = now.AddMinutes(-40) },
        new() { BrandId = brandId, Text = "Merci à vous pour les 10 000 abonnés ! 💛", Networks = [Network.Instagram], AuthorId = "demo-theo", AuthorName = "Théo",
            CreatedAt = now.AddDays(-1), State = DraftState.Approved, DecidedById = "demo-sarah", DecidedByName = "Sarah", DecidedAt = now.AddHours(-20) },
    ];

    private static IEnumerable<Comment> Comments(Brand brand, DateTimeOffset now) =>
    [
        Comment(brand, Network.Instagram, "@julie_b", "Elle existe en blanc, la suspension Opaline ?", now.AddMinutes(-50), urgent: false),
        Comment(brand, Network.Facebook, "Marc Dupont", "Toujours pas de remboursement après 3 semaines, c'est une arnaque ?", now.AddMinutes(-10), urgent: true),
        Comment(brand, Network.X, "@deco_addict", "Vous livrez en Belgique ?", now.AddMinutes(-75), urgent: false),
    ];

    private static Comment Comment(Brand brand, Network network, string author, string text, DateTimeOffset receivedAt, bool urgent) => new()
    {
        BrandId = brand.Id, Network = network, Author = author, Text = text, ReceivedAt = receivedAt,
        DeadlineAt = receivedAt + brand.ReplyDeadline, IsUrgent = urgent, EscalatedAt = urgent ? receivedAt : null,
    };

    /// <summary>Daily samples for this week and last, growing a little, so "numbers" has something to compare.</summary>
    private static IEnumerable<MetricSample> Samples(Brand brand, TimeProvider clock)
    {
        var today = brand.Time(clock).Today;
        var networks = new[] { (Network.Instagram, 10_000.0), (Network.Facebook, 4_200.0), (Network.X, 2_600.0) };
        for (var back = 13; back >= 0; back--)
        {
            var day = today.AddDays(-back);
            var growth = 1 + (13 - back) * 0.01;
            foreach (var (network, followers) in networks)
            {
                yield return Sample(brand.Id, network, day, Metrics.Followers, Math.Round(followers * growth));
                yield return Sample(brand.Id, network, day, Metrics.Impressions, Math.Round(followers * 0.8 * growth));
                yield return Sample(brand.Id, network, day, Metrics.Engagements, Math.Round(followers * 0.04 * growth));
                yield return Sample(brand.Id, network, day, Metrics.PostsPublished, network == Network.X ? 4 : 1);
            }
        }
    }

    private static MetricSample Sample(int brandId, Network network, DateOnly day, string metric, double value) =>
        new() { BrandId = brandId, Network = network, Day = day, Metric = metric, Value = value };
}
