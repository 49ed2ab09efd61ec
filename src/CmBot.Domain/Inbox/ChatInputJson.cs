using System.Text.Json;
using CmBot.Domain.Conversations;

namespace CmBot.Domain.Inbox;

/// <summary>How a <see cref="ChatInput"/> is kept in the inbox.</summary>
public static class ChatInputJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(ChatInput input) => JsonSerializer.Serialize(input, Json);

    public static ChatInput Read(string json) => JsonSerializer.Deserialize<ChatInput>(json, Json) ?? throw new JsonException("empty input");
}
