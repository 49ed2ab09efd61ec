using CmBot.Domain.Conversations;
using CmBot.Domain.Drafts;

namespace CmBot.Domain.Integrations;

/// <summary>Approvals and publications go out to the brand's webhooks; other decisions stay in the chat.</summary>
internal sealed class WebhookDraftListener : IDraftDecisionListener
{
    public Task OnDecidedAsync(ConversationContext context, Draft draft, CancellationToken cancellationToken)
    {
        var @event = draft.State switch
        {
            DraftState.Approved => DraftWebhookEvent.Approved,
            DraftState.Published => DraftWebhookEvent.Published,
            _ => null,
        };
        return @event is null
            ? Task.CompletedTask
            : DraftWebhooks.EnqueueAsync(context.Db, context.Clock, context.Brand, draft, @event, cancellationToken);
    }
}
