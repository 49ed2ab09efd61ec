using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Routines;

/// <summary>
/// A routine's card from the store. <see cref="ForCurrentPeriodAsync"/> is what the scheduled jobs call:
/// it creates the period's occurrence once, and the card's key stays the same however often it runs.
/// </summary>
public static class RoutineCards
{
    public static async Task<(RoutineOccurrence Occurrence, Card Card)> ForCurrentPeriodAsync(
        CmBotDb db, Brand brand, RoutineKind kind, TimeProvider clock, CancellationToken cancellationToken)
    {
        var time = brand.Time(clock);
        var routine = await RoutineSetup.EnsureAsync(db, brand.Id, kind, cancellationToken);
        var occurrence = await OccurrenceBook.GetOrCreateAsync(db, routine, time, time.Now, cancellationToken);
        if (kind == RoutineKind.InfluencerContact && occurrence.InfluencerId is null && !OccurrenceRules.IsClosed(occurrence))
        {
            var proposed = InfluencerList.Propose(await InfluencerList.OfBrandAsync(db, brand.Id, cancellationToken));
            if (proposed is not null)
            {
                occurrence.InfluencerId = proposed.Id;
                // Lost to another instance proposing at the same moment: its proposal stands.
                occurrence = await OccurrenceBook.SaveOrReloadAsync(db, occurrence, cancellationToken) ?? occurrence;
            }
        }
        return (occurrence, await BuildAsync(db, brand, occurrence, clock, cancellationToken));
    }

    /// <summary>The card of an occurrence as it stands, built by the builder of its kind.</summary>
    public static async Task<Card> BuildAsync(CmBotDb db, Brand brand, RoutineOccurrence occurrence, TimeProvider clock, CancellationToken cancellationToken)
    {
        var time = brand.Time(clock);
        var routine = await db.Routines.AsNoTracking().FirstAsync(r => r.Id == occurrence.RoutineId, cancellationToken);
        switch (routine.Kind)
        {
            case RoutineKind.InfluencerContact:
                var influencers = await db.Influencers.AsNoTracking().Where(i => i.BrandId == brand.Id).ToListAsync(cancellationToken);
                var proposed = influencers.FirstOrDefault(i => i.Id == occurrence.InfluencerId) ?? InfluencerList.Propose(influencers);
                return InfluencerCardBuilder.Build(brand, occurrence, proposed, influencers.Count, time);
            case RoutineKind.AboutReview:
                var profiles = await db.SocialProfiles.AsNoTracking().Where(p => p.BrandId == brand.Id).ToListAsync(cancellationToken);
                return AboutReviewCardBuilder.Build(brand, routine, occurrence, profiles, time);
            default:
                return ChoreCardBuilder.Build(brand, routine, occurrence, time);
        }
    }
}
