using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Routines;

/// <summary>
/// Done, Snooze one day and Skip on any routine card. Done on the influencer card also records the contact.
/// Each change is saved here under the occurrence's concurrency token: of two clicks at once, the second is
/// told who got there first, and the card is refreshed either way.
/// </summary>
public sealed class RoutineActionHandler : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = [RoutineVerbs.Done, RoutineVerbs.Snooze, RoutineVerbs.Skip];

    public async Task<IReadOnlyList<BotReply>> HandleAsync(ConversationContext context, CardClick click, CancellationToken cancellationToken)
    {
        var (occurrence, routine) = await RoutineClicks.OccurrenceAsync(context, click, cancellationToken);
        var outcome = click.Verb switch
        {
            RoutineVerbs.Done => OccurrenceRules.Done(occurrence, context.User, context.Now),
            RoutineVerbs.Snooze => OccurrenceRules.Snooze(occurrence, context.User, context.Now),
            _ => OccurrenceRules.Skip(occurrence, context.User, context.Now),
        };
        if (outcome == OccurrenceOutcome.Changed)
        {
            if (click.Verb == RoutineVerbs.Done && routine.Kind == RoutineKind.InfluencerContact)
                await RecordContactAsync(context, click, occurrence, cancellationToken);
            if (await OccurrenceBook.SaveOrReloadAsync(context.Db, occurrence, cancellationToken) is { } current)
            {
                occurrence = current;
                outcome = OccurrenceRules.Standing(current, context.Now) ?? OccurrenceOutcome.Superseded;
            }
        }
        var card = await RoutineCards.BuildAsync(context.Db, context.Brand, occurrence, context.Clock, cancellationToken);
        return outcome == OccurrenceOutcome.Changed
            ? [BotReply.Refresh(card)]
            : [BotReply.Refresh(card), BotReply.Say(RoutineText.Already(outcome, occurrence, context.Time, context.Language))];
    }

    /// <summary>The contact goes to the influencer the clicked card showed, or else the one proposed this period.</summary>
    private static async Task RecordContactAsync(ConversationContext context, CardClick click, RoutineOccurrence occurrence, CancellationToken cancellationToken)
    {
        var brandId = context.Brand.Id;
        var id = click.GetInt(RoutineVerbs.InfluencerKey) ?? occurrence.InfluencerId;
        var influencer = await context.Db.Influencers.FirstOrDefaultAsync(i => i.Id == id && i.BrandId == brandId, cancellationToken);
        if (influencer is null) return;
        influencer.LastContactedAt = context.Now;
        occurrence.InfluencerId = influencer.Id;
        context.Db.InfluencerContacts.Add(new InfluencerContact
        {
            BrandId = brandId,
            InfluencerId = influencer.Id,
            ContactedAt = context.Now,
            ById = context.User.Id,
            ByName = context.User.Name,
        });
    }
}
