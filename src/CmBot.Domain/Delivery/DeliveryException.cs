namespace CmBot.Domain.Delivery;

public enum DeliveryFailure
{
    /// <summary>429: try again after the platform's Retry-After.</summary>
    Throttled,
    /// <summary>5xx, a timeout, a broken connection: try again later.</summary>
    Transient,
    /// <summary>403/404: the bot was removed from the conversation, or it is gone.</summary>
    ConversationGone,
    /// <summary>The platform refused the message itself (400): retrying would not help.</summary>
    Rejected,
}

/// <summary>Thrown by a channel sender; the dispatcher decides from <see cref="Failure"/> whether and when to retry.</summary>
public sealed class DeliveryException(DeliveryFailure failure, string detail, TimeSpan? retryAfter = null) : Exception(detail)
{
    public DeliveryFailure Failure { get; } = failure;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
