using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Routines;

/// <summary>
/// "Reviewed" on one profile of the About review card: ticks it, refreshes the card, and closes the
/// occurrence when the last profile is ticked.
/// </summary>
public sealed class AboutReviewedHandler : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = [RoutineVerbs.Reviewed];

    public async Task<IReadOnlyList<BotReply>> HandleAsync(ConversationContext context, CardClick click, CancellationToken cancellationToken)
    {
        var brandId = context.Brand.Id;
        var profileId = click.GetInt(RoutineVerbs.ProfileKey);
        // Two people ticking two profiles at once both count: the one that loses the race ticks again on fresh data.
        for (var attempt = 0; ; attempt++)
        {
            var (occurrence, routine) = await RoutineClicks.OccurrenceAsync(context, click, cancellationToken);
            var profiles = await context.Db.SocialProfiles.Where(p => p.BrandId == brandId).ToListAsync(cancellationToken);
            var profile = profiles.FirstOrDefault(p => p.Id == profileId)
                ?? throw new DomainException(context.L("That profile is no longer listed for this brand.", "Ce profil n'est plus enregistré pour cette marque."));
            var periodStart = RoutinePeriods.StartInstant(routine.Cadence, context.Time, occurrence.DueAt);
            if (AboutReviewCardBuilder.IsTicked(profile, periodStart))
                return await ReplyAsync(context, occurrence, Already(context, profile), cancellationToken);

            profile.AboutReviewedAt = context.Now;
            profile.AboutReviewedBy = context.User.Name;
            if (profiles.All(p => AboutReviewCardBuilder.IsTicked(p, periodStart)))
                OccurrenceRules.Done(occurrence, context.User, context.Now);
            if (await OccurrenceBook.SaveOrReloadAsync(context.Db, occurrence, cancellationToken) is not { } fresh)
                return await ReplyAsync(context, occurrence, null, cancellationToken);
            if (attempt > 0)
                return await ReplyAsync(context, fresh, RoutineText.Already(OccurrenceOutcome.Superseded, fresh, context.Time, context.Language), cancellationToken);
        }
    }

    private static async Task<IReadOnlyList<BotReply>> ReplyAsync(ConversationContext context, RoutineOccurrence occurrence, string? say, CancellationToken cancellationToken)
    {
        var fresh = await context.Db.RoutineOccurrences.AsNoTracking().FirstAsync(o => o.Id == occurrence.Id, cancellationToken);
        var card = await RoutineCards.BuildAsync(context.Db, context.Brand, fresh, context.Clock, cancellationToken);
        return say is null ? [BotReply.Refresh(card)] : [BotReply.Refresh(card), BotReply.Say(say)];
    }

    private static string Already(ConversationContext context, SocialProfile profile) => context.L(
        $"{AboutReviewCardBuilder.Title(profile)} was already reviewed by {profile.AboutReviewedBy}, {RoutineText.Ago(profile.AboutReviewedAt, context.Time, context.Language)}.",
        $"{AboutReviewCardBuilder.Title(profile)} a déjà été vérifié par {profile.AboutReviewedBy}, {RoutineText.Ago(profile.AboutReviewedAt, context.Time, context.Language)}.");
}
