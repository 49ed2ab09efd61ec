using CmBot.Domain.Conversations;

namespace CmBot.Domain.Drafts;

/// <summary>
/// The decision buttons of a draft card: approve, request changes, reject, and mark published. Every saved
/// decision is told to the <see cref="IDraftDecisionListener"/>s (the outgoing webhooks listen for approvals).
/// </summary>
public sealed class DraftDecisionHandler(IEnumerable<IDraftDecisionListener> listeners) : ICardActionHandler
{
    public DraftDecisionHandler() : this([]) { }

    public IReadOnlyCollection<string> Verbs { get; } =
        [DraftVerbs.Approve, DraftVerbs.RequestChanges, DraftVerbs.Reject, DraftVerbs.MarkPublished];

    public async Task<IReadOnlyList<BotReply>> HandleAsync(ConversationContext context, CardClick click, CancellationToken cancellationToken)
    {
        var draft = await DraftClicks.LoadAsync(context, click, cancellationToken);
        if (DraftClicks.Stale(context, click, draft) is { } stale) return stale;

        // The card the person clicked showed the draft still open; someone decided since: say who, show the card as it is.
        var expected = click.Verb == DraftVerbs.MarkPublished ? DraftState.Approved : DraftState.Pending;
        if (draft.State != expected && draft.State != DraftState.Pending)
            return [BotReply.Say(DraftClicks.WhoDecidedFirst(context, draft)), BotReply.Refresh(DraftCard.Build(draft, context))];

        var (brand, user, now) = (context.Brand, context.User, context.Now);
        switch (click.Verb)
        {
            case DraftVerbs.Approve: draft.Approve(brand, user, now); break;
            case DraftVerbs.RequestChanges: draft.RequestChanges(brand, user, click.Get(DraftFields.Comment), now); break;
            case DraftVerbs.Reject: draft.Reject(brand, user, click.Get(DraftFields.Reason), now); break;
            default: draft.MarkPublished(brand, now); break;
        }
        IReadOnlyList<BotReply> done = [BotReply.Refresh(DraftCard.Build(draft, context))];
        var replies = await DraftClicks.SaveAsync(context, draft, done, cancellationToken);
        // SaveAsync answers with `done` itself only when this decision was the one saved.
        if (ReferenceEquals(replies, done))
            foreach (var listener in listeners) await listener.OnDecidedAsync(context, draft, cancellationToken);
        return replies;
    }
}
