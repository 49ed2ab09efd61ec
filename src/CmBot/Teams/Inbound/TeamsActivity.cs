using System.Text.Json;

namespace CmBot.Teams.Inbound;

/// <summary>
/// The fields of a Bot Framework activity CmBot uses (teams.md §1.1), read by hand from the JSON; anything else
/// is ignored, so new fields Teams adds do no harm.
/// </summary>
public sealed record TeamsActivity(string Type)
{
    /// <summary>
    /// The longest id (or serviceUrl) accepted. The longest real Teams ids, `a:1…` personal chat ids and `29:…` user
    /// ids (teams.md §1.2), run to a couple of hundred characters; 512 leaves them room to grow. Beyond it an id is not
    /// Teams': storing it would only make every reply fail later (an escaped id in the connector URL gets a 414).
    /// </summary>
    public const int MaxIdLength = 512;

    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Action { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public TeamsAccount? From { get; init; }
    public TeamsAccount? Recipient { get; init; }
    /// <summary>The full conversation id, with `;messageid=` when the activity is in a channel thread.</summary>
    public string? ConversationId { get; init; }
    public string? ConversationType { get; init; }
    public string? ConversationName { get; init; }
    public string? TenantId { get; init; }
    public string? TeamId { get; init; }
    public string? TeamName { get; init; }
    public string? ChannelName { get; init; }
    public string? ReplyToId { get; init; }
    public string? Text { get; init; }
    /// <summary>Action.Submit data (message) or the invoke body; a detached copy, or Undefined.</summary>
    public JsonElement Value { get; init; }
    public IReadOnlyList<TeamsMention> Mentions { get; init; } = [];
    public IReadOnlyList<string> MembersAdded { get; init; } = [];
    public IReadOnlyList<string> MembersRemoved { get; init; } = [];
    /// <summary>Files attached in a personal chat (file.download.info attachments); cards and HTML copies are not files.</summary>
    public IReadOnlyList<TeamsFile> Files { get; init; } = [];

    /// <summary>Where the first id over <see cref="MaxIdLength"/> is (e.g. "conversation.id"), or null when all fit.</summary>
    public string? TooLongId()
    {
        IEnumerable<(string Where, string? Id)> ids =
        [
            ("id", Id), ("serviceUrl", ServiceUrl), ("from.id", From?.Id), ("recipient.id", Recipient?.Id),
            ("conversation.id", ConversationId), ("tenantId", TenantId), ("channelData.team.id", TeamId), ("replyToId", ReplyToId),
            .. Mentions.Select(m => ("entities[].mentioned.id", (string?)m.Mentioned.Id)),
            .. MembersAdded.Select(m => ("membersAdded[].id", (string?)m)),
            .. MembersRemoved.Select(m => ("membersRemoved[].id", (string?)m)),
        ];
        return ids.FirstOrDefault(i => i.Id?.Length > MaxIdLength).Where;
    }

    public bool IsForBot(IReadOnlyList<string> members) => Recipient is { } bot && members.Contains(bot.Id, StringComparer.Ordinal);

    public static TeamsActivity Read(JsonElement root)
    {
        var conversation = Child(root, "conversation");
        var channelData = Child(root, "channelData");
        return new TeamsActivity(Str(root, "type") ?? "")
        {
            Id = Str(root, "id"),
            Name = Str(root, "name"),
            Action = Str(root, "action"),
            ServiceUrl = Str(root, "serviceUrl"),
            ChannelId = Str(root, "channelId"),
            From = Account(Child(root, "from")),
            Recipient = Account(Child(root, "recipient")),
            ConversationId = Str(conversation, "id"),
            ConversationType = Str(conversation, "conversationType"),
            ConversationName = Str(conversation, "name"),
            TenantId = Str(conversation, "tenantId") ?? Str(Child(channelData, "tenant"), "id"),
            TeamId = Str(Child(channelData, "team"), "id"),
            TeamName = Str(Child(channelData, "team"), "name"),
            ChannelName = Str(Child(channelData, "channel"), "name"),
            ReplyToId = Str(root, "replyToId"),
            Text = Str(root, "text"),
            Value = root.TryGetProperty("value", out var value) ? value.Clone() : default,
            Mentions = Items(root, "entities")
                .Where(e => Str(e, "type") == "mention")
                .Select(e => (Who: Account(Child(e, "mentioned")), Text: Str(e, "text")))
                .Where(m => m.Who is not null && m.Text is not null)
                .Select(m => new TeamsMention(m.Who!, m.Text!))
                .ToList(),
            MembersAdded = Items(root, "membersAdded").Select(m => Str(m, "id")).OfType<string>().ToList(),
            MembersRemoved = Items(root, "membersRemoved").Select(m => Str(m, "id")).OfType<string>().ToList(),
            Files = Items(root, "attachments")
                .Where(a => Str(a, "contentType") == TeamsFile.ContentType && Str(Child(a, "content"), "downloadUrl") is not null)
                .Select(a => new TeamsFile(Str(a, "name") ?? "", Str(Child(a, "content"), "fileType"), Str(Child(a, "content"), "downloadUrl")!))
                .ToList(),
        };
    }

    private static TeamsAccount? Account(JsonElement element) =>
        Str(element, "id") is { Length: > 0 } id ? new TeamsAccount(id, Str(element, "name")) : null;

    private static JsonElement Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : default;

    private static string? Str(JsonElement element, string name) =>
        Child(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        Child(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
}
