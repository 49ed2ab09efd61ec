using CmBot.Domain.Conversations;

namespace CmBot.Domain.Routines;

/// <summary>"Someone else" on the influencer card: proposes the next candidate in proposal order.</summary>
public sealed class SomeoneElseHandler : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = [RoutineVerbs.SomeoneElse];

    public async Task<IReadOnlyList<BotReply>> HandleAsync(ConversationContext context, CardClick click, CancellationToken cancellationToken)
    {
        var (occurrence, _) = await RoutineClicks.OccurrenceAsync(context, click, cancellationToken);
        var replies = new List<BotReply>();
        var influencers = await InfluencerList.OfBrandAsync(context.Db, context.Brand.Id, cancellationToken);
        var shown = click.GetInt(RoutineVerbs.InfluencerKey);
        var current = occurrence.InfluencerId ?? InfluencerList.Propose(influencers)?.Id;
        if (occurrence.State == OccurrenceState.Done)
        {
            replies.Add(BotReply.Say(RoutineText.Already(OccurrenceOutcome.AlreadyDone, occurrence, context.Time, context.Language)));
        }
        else if (shown == current)
        {
            // A click on a card that already moved on (a double click, a retried delivery) does not skip a second person.
            occurrence.InfluencerId = InfluencerList.After(influencers, current)?.Id;
            if (await OccurrenceBook.SaveOrReloadAsync(context.Db, occurrence, cancellationToken) is { } fresh) occurrence = fresh;
        }
        var card = await RoutineCards.BuildAsync(context.Db, context.Brand, occurrence, context.Clock, cancellationToken);
        replies.Insert(0, BotReply.Refresh(card));
        return replies;
    }
}
