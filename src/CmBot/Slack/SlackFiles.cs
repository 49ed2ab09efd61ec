using System.Text.Json;
using CmBot.Domain.Conversations;

namespace CmBot.Slack;

/// <summary>
/// The CSV files of a message's <c>files</c> array (file_share messages, mentions with a file) as attachments, located
/// by their url_private_download (else url_private). Other files, and files Slack hides or hands over without an
/// address (over the plan's limit, deleted, shared from another workspace), are left out.
/// </summary>
public static class SlackFiles
{
    public static IReadOnlyList<ChatAttachment> Csv(JsonElement message)
    {
        if (!message.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array) return [];
        var found = new List<ChatAttachment>();
        foreach (var file in files.EnumerateArray())
        {
            var url = SlackEventHandler.Str(file, "url_private_download") ?? SlackEventHandler.Str(file, "url_private");
            var name = SlackEventHandler.Str(file, "name") ?? SlackEventHandler.Str(file, "title") ?? "";
            if (url is null) continue;
            var attachment = new ChatAttachment(name, SlackEventHandler.Str(file, "mimetype") ?? SlackEventHandler.Str(file, "filetype"), SlackTokens.Channel, url);
            if (attachment.IsCsv || SlackEventHandler.Str(file, "filetype") == "csv") found.Add(attachment);
        }
        return found;
    }
}
