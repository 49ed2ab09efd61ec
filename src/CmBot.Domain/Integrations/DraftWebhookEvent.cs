using System.Text.Json;
using System.Text.Json.Serialization;
using CmBot.Domain.Brands;
using CmBot.Domain.Drafts;

namespace CmBot.Domain.Integrations;

/// <summary>
/// The JSON body of an outgoing draft webhook. <see cref="EventId"/> is the same for every retry of one event,
/// so a receiver can drop a delivery it already processed.
/// </summary>
public sealed record DraftWebhookEvent(
    string Event,
    string EventId,
    int DraftId,
    int BrandId,
    string Brand,
    string Text,
    IReadOnlyList<string> Networks,
    IReadOnlyList<string> Links,
    IReadOnlyList<string> Hashtags,
    DateTimeOffset? PlannedAt,
    int Revision,
    string? ApprovedById,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset OccurredAt)
{
    public const string Approved = "draft.approved";
    public const string Published = "draft.published";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static DraftWebhookEvent For(string @event, Draft draft, Brand brand, DateTimeOffset now) => new(
        @event, $"draft-{draft.Id}-r{draft.Revision}-{@event}", draft.Id, brand.Id, brand.Name, draft.Text,
        draft.Networks.Select(n => n.ToString()).ToList(), draft.Links, draft.Hashtags, draft.PlannedAt, draft.Revision,
        draft.DecidedById, draft.DecidedByName, draft.DecidedAt, draft.PublishedAt, now);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static DraftWebhookEvent? FromJson(string json) => JsonSerializer.Deserialize<DraftWebhookEvent>(json, Json);
}
