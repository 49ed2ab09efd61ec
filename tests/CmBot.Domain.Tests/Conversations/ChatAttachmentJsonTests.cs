using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using CmBot.Domain.Inbox;

namespace CmBot.Domain.Tests.Conversations;

public sealed class ChatAttachmentJsonTests
{
    [Fact]
    public void Attachments_SurviveTheInboxRoundTrip()
    {
        var input = new ChatInput(new ChatAddress("slack", "D01"), new ChatUser("U1", "U1"), "")
        {
            Attachments = [new ChatAttachment("november.csv", "text/csv", "slack", "https://files.slack.com/files-pri/T1-F1/download/november.csv")],
        };

        var back = ChatInputJson.Read(ChatInputJson.Write(input));

        Assert.Equal(input.Attachments, back.Attachments);
    }

    [Fact]
    public void OlderInboxEntries_WithoutAttachments_ReadAsNone()
    {
        var back = ChatInputJson.Read("""{"where":{"channel":"slack","conversationId":"D01"},"who":{"id":"U1","name":"U1"},"text":"help"}""");

        Assert.Empty(back.Attachments);
    }
}
