using CmBot.Domain.Common;

namespace CmBot.Domain.Conversations;

/// <summary>Where a message came from: the platform ("teams", "slack", "test") and its conversation id.</summary>
public sealed record ChatAddress(string Channel, string ConversationId)
{
    /// <summary>The distinct conversation ids of each platform: what a store query for many conversations filters on.</summary>
    public static IEnumerable<(string Channel, List<string> ConversationIds)> ByChannel(IEnumerable<ChatAddress> addresses) =>
        addresses.GroupBy(a => a.Channel).Select(g => (g.Key, g.Select(a => a.ConversationId).Distinct().ToList()));
}

/// <summary>A card button clicked: its verb, its data, and the values of the form it opened, if any.</summary>
public sealed record CardClick(string Verb, IReadOnlyDictionary<string, string> Data)
{
    public string? Get(string key) => Data.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public int? GetInt(string key) => int.TryParse(Get(key), out var value) ? value : null;
}

/// <summary>
/// What a person did, with the wire format stripped away by the adapter: typed <see cref="Text"/>
/// (the bot's mention already removed) or clicked a card action. <see cref="Mentions"/> are the
/// people mentioned in the text, in order (for `brand approver add @Bob`). <see cref="ThreadId"/> is where
/// answers go when the platform threads them apart from the conversation id (a Slack thread_ts).
/// </summary>
public sealed record ChatInput(ChatAddress Where, ChatUser Who, string? Text = null, CardClick? Click = null)
{
    public IReadOnlyList<ChatUser> Mentions { get; init; } = [];
    public string? ThreadId { get; init; }

    /// <summary>
    /// The platform's id for this delivery ("teams:…", "slack:…"). A second delivery with the same id is a
    /// retry: it is answered with nothing and changes nothing.
    /// </summary>
    public string? DeliveryId { get; init; }

    /// <summary>The files attached to the message (only those the adapter kept: CSV files for now).</summary>
    public IReadOnlyList<ChatAttachment> Attachments { get; init; } = [];
}
