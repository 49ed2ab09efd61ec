using CmBot.Domain.Conversations;

namespace CmBot.Domain.Drafts;

/// <summary>
/// Told when a decision on a draft (approved, changes requested, rejected, published) was saved, before the
/// conversation's unit of work commits: what a listener stages (outbox rows) commits with the decision or
/// not at all. A decision that lost a race is not announced.
/// </summary>
public interface IDraftDecisionListener
{
    Task OnDecidedAsync(ConversationContext context, Draft draft, CancellationToken cancellationToken);
}
