namespace CmBot.Domain.Integrations;

/// <summary>
/// Where a brand's draft events go (a publishing tool, a Zapier/Make/n8n flow). The signing secret is kept
/// encrypted by the host (<see cref="ISecretProtector"/>): it must be read back to sign, so it cannot be hashed.
/// </summary>
public sealed class WebhookSubscription
{
    public int Id { get; set; }
    public int BrandId { get; set; }
    public required string Url { get; set; }
    public required string EncryptedSecret { get; set; }
    public required string CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>The outbox row's <c>Channel</c> for webhook deliveries; its <c>ConversationId</c> is the subscription id.</summary>
    public const string Channel = "webhook";

    /// <summary>
    /// The outbox row's <c>CardKey</c>, to list a draft's deliveries. Deliberately not the draft card's own key:
    /// the outbox rewrites unsent posts of a card's key with the card's new state.
    /// </summary>
    public static string DeliveryKey(int draftId) => $"webhook-draft-{draftId}";
}
