namespace CmBot.Domain.Delivery;

/// <summary>
/// An inbound delivery already processed ("teams:&lt;activity id&gt;", "slack:&lt;event_id&gt;"), recorded in the
/// same transaction as its effects: a retry finds it and changes nothing.
/// </summary>
public sealed class InboundDelivery
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
