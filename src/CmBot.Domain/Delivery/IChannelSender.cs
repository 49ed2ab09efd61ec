namespace CmBot.Domain.Delivery;

/// <summary>A platform's way of sending (the Teams connector, Slack's Web API). Failures are <see cref="DeliveryException"/>s.</summary>
public interface IChannelSender
{
    /// <summary>"teams" or "slack": matches <see cref="OutboxMessage.Channel"/>.</summary>
    string Channel { get; }

    /// <summary>
    /// Whether a post to the conversation would go now rather than wait for the platform's pace: an answer sent straight
    /// from the inbox must not hold its whole pass while it waits (see <see cref="DirectReplies"/>).
    /// </summary>
    bool CanPostNow(string conversationId) => true;

    /// <summary>Posts a new message and returns the platform's id for it.</summary>
    Task<string> PostAsync(string conversationId, string? threadId, OutboundContent content, CancellationToken cancellationToken);

    /// <summary>Replaces a posted message; <paramref name="threadId"/> is the thread it was posted in, if any.</summary>
    Task UpdateAsync(string conversationId, string? threadId, string messageId, OutboundContent content, CancellationToken cancellationToken);

    Task DeleteAsync(string conversationId, string? threadId, string messageId, CancellationToken cancellationToken);
}
