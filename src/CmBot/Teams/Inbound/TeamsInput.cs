using System.Text.Json;
using System.Text.RegularExpressions;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Teams.Cards;

namespace CmBot.Teams.Inbound;

/// <summary>
/// An activity as the domain's <see cref="ChatInput"/>: the channel (not the thread) as the address, the thread as
/// where answers go, our own mention removed from the text and other people's turned into <see cref="ChatInput.Mentions"/>,
/// CSV files sent in a personal chat as <see cref="ChatInput.Attachments"/>.
/// </summary>
public static partial class TeamsInput
{
    public static ChatInput Text(TeamsActivity activity) => Input(activity, Clean(activity)) with
    {
        Mentions = activity.Mentions
            .Where(m => m.Mentioned.Id != activity.Recipient?.Id)
            .Select(m => new ChatUser(m.Mentioned.Id, m.Mentioned.Name ?? m.Text))
            .DistinctBy(u => u.Id)
            .ToList(),
        Attachments = Csv(activity),
    };

    /// <summary>The CSV files of a personal chat: Teams hands files to bots there only (channels need Graph).</summary>
    private static List<ChatAttachment> Csv(TeamsActivity activity) =>
        activity.ConversationType != "personal" ? [] : activity.Files
            .Select(f => new ChatAttachment(f.Name, f.FileType, TeamsConversations.Channel, f.DownloadUrl))
            .Where(a => a.IsCsv)
            .ToList();

    /// <summary>An Action.Submit: the verb travels inside the data (our fallback puts it there).</summary>
    public static ChatInput Submit(TeamsActivity activity)
    {
        var verb = Property(activity.Value, CardData.VerbKey) ?? Property(activity.Value, "action") ?? "";
        return Input(activity, null, CardData.Read(verb, activity.Value).Click);
    }

    /// <summary>An Action.Execute invoke: `value.action` holds the verb and the data with the inputs merged.</summary>
    public static (ChatInput Input, string? CardKey) Execute(TeamsActivity activity)
    {
        var action = activity.Value.ValueKind == JsonValueKind.Object && activity.Value.TryGetProperty("action", out var a) ? a : default;
        var data = action.ValueKind == JsonValueKind.Object && action.TryGetProperty("data", out var d) ? d : default;
        var (click, cardKey) = CardData.Read(Property(action, "verb") ?? "", data);
        return (Input(activity, null, click), cardKey);
    }

    public static bool IsSubmit(TeamsActivity activity) =>
        string.IsNullOrWhiteSpace(activity.Text) && activity.Value.ValueKind == JsonValueKind.Object;

    private static ChatInput Input(TeamsActivity activity, string? text, CardClick? click = null)
    {
        var conversationId = activity.ConversationId ?? "";
        var baseId = TeamsConversations.BaseId(conversationId);
        return new ChatInput(new ChatAddress(TeamsConversations.Channel, baseId), new ChatUser(activity.From?.Id ?? "", activity.From?.Name ?? ""), text, click)
        {
            ThreadId = baseId == conversationId ? null : conversationId,
            DeliveryId = activity.Id is { Length: > 0 } id ? "teams:" + id : null,
        };
    }

    /// <summary>Our mention goes (found by entity, not by parsing the text); others read as "@Name"; spaces collapse.</summary>
    private static string Clean(TeamsActivity activity)
    {
        var text = activity.Text ?? "";
        foreach (var mention in activity.Mentions)
            text = text.Replace(mention.Text, mention.Mentioned.Id == activity.Recipient?.Id ? " " : "@" + (mention.Mentioned.Name ?? ""), StringComparison.Ordinal);
        return Spaces().Replace(text.Replace('\u00A0', ' '), " ").Trim();
    }

    private static string? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
