using System.Text.Json;
using System.Text.Json.Serialization;
using CmBot.Domain.Cards;
using CmBot.Domain.Common;

namespace CmBot.Domain.Delivery;

/// <summary>What one message carries: text or a card (never both: Teams would split them), and the people it mentions.</summary>
public sealed record OutboundContent(string? Text, Card? Card)
{
    public IReadOnlyList<ChatUser> Mentions { get; init; } = [];

    /// <summary>Holds a secret shown once: the dispatcher wipes it from the outbox as soon as it is delivered.</summary>
    public bool Sensitive { get; init; }

    /// <summary>What stays in the store of a sensitive message once delivered.</summary>
    public static readonly OutboundContent Wiped = new("(a secret shown once; removed from the store after delivery)", null);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static OutboundContent FromJson(string json) =>
        JsonSerializer.Deserialize<OutboundContent>(json, Json) ?? throw new JsonException("Empty outbound content.");
}
