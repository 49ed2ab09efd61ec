using CmBot.Domain.Conversations;
using CmBot.Domain.Delivery;
using CmBot.Domain.Inbox;
using CmBot.Domain.Store;
using CmBot.Teams.Cards;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Teams.Inbound;

/// <summary>
/// What each activity type does once authenticated (teams.md §1.4). Messages are accepted into the inbox and handled
/// right after the ack; an invoke is handled at once, since its answer is the HTTP response. Replies go through the
/// outbox (read-only answers straight from the inbox); the activity id is the delivery id, so a redelivered activity
/// changes nothing.
/// Unknown types and events get 200 and nothing else: Teams adds new ones without notice.
/// </summary>
public sealed class TeamsActivityHandler(
    ConversationService conversations,
    ConversationInbox inbox,
    TeamsConversations references,
    Outbox outbox,
    OutboxSignal signal,
    CmBotDb db,
    TimeProvider clock,
    ILogger<TeamsActivityHandler> logger)
{
    public const string ExecuteInvoke = "adaptiveCard/action";

    public async Task<IResult> HandleAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        var removed = IsRemoval(activity);
        var isNew = !removed && await references.RememberAsync(activity, cancellationToken);
        switch (activity.Type)
        {
            case "message" when activity.ConversationId is not null:
                var input = TeamsInput.IsSubmit(activity) ? TeamsInput.Submit(activity) : TeamsInput.Text(activity);
                // Ack once the input is safely in the inbox; it is handled right after (teams.md §1: ack first, work after).
                if (input.Click is not null || !string.IsNullOrEmpty(input.Text) || activity.Mentions.Count > 0 || input.Attachments.Count > 0)
                    await inbox.AcceptAsync(input, cancellationToken);
                return Results.Ok();
            case "invoke" when activity.Name == ExecuteInvoke && activity.ConversationId is not null:
                var (click, cardKey) = TeamsInput.Execute(activity);
                var replies = await conversations.HandleAsync(click, cancellationToken);
                return Results.Json(InvokeResponses.For(replies, cardKey), AdaptiveCardRenderer.Wire);
            case "conversationUpdate" or "installationUpdate" when removed:
                var forgotten = await references.ForgetAsync(activity.ConversationId!, activity.Type == "conversationUpdate" ? activity.TeamId : null, cancellationToken);
                logger.LogInformation("Removed from Teams conversation(s); forgot {Count} reference(s)", forgotten.Count);
                return Results.Ok();
            case "conversationUpdate" or "installationUpdate" when IsAddition(activity) && isNew:
                await WelcomeAsync(activity, cancellationToken);
                return Results.Ok();
            default:
                return Results.Ok();
        }
    }

    private static bool IsAddition(TeamsActivity activity) =>
        activity.ConversationId is not null
        && (activity.Type == "installationUpdate" ? activity.Action == "add" : activity.IsForBot(activity.MembersAdded));

    private static bool IsRemoval(TeamsActivity activity) =>
        activity.ConversationId is not null
        && (activity.Type == "installationUpdate" ? activity.Action == "remove"
            : activity.Type == "conversationUpdate" && activity.IsForBot(activity.MembersRemoved));

    /// <summary>The welcome and the delivery record commit together; a redelivered event finds the record and stops.</summary>
    private async Task WelcomeAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (activity.Id is { Length: > 0 } id)
        {
            var key = "teams:" + id;
            if (await db.InboundDeliveries.AnyAsync(d => d.Key == key, cancellationToken)) return;
            db.InboundDeliveries.Add(new InboundDelivery { Key = key, ReceivedAt = clock.GetUtcNow() });
        }
        var conversationId = TeamsConversations.BaseId(activity.ConversationId!);
        outbox.Post(TeamsConversations.Channel, conversationId, null, new OutboundContent(null, WelcomeCard.Build()));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
    }
}
