using System.Collections.Concurrent;
using System.Text;
using CmBot.Domain.Conversations;
using CmBot.Domain.Integrations;

namespace CmBot.Domain.Tests.Support;

/// <summary>The files of the "test" channel, by locator, with a record of what was read; a missing one is unavailable.</summary>
public sealed class FakeAttachments : IAttachmentReader
{
    private readonly ConcurrentDictionary<string, byte[]> files = new();

    public string Channel => "test";
    public ConcurrentQueue<string> Reads { get; } = new();

    /// <summary>Runs while a file is being "downloaded" (to check what the product holds meanwhile).</summary>
    public Action? DuringRead { get; set; }

    /// <summary>Puts a file in place and describes it as an attachment of the test channel.</summary>
    public ChatAttachment Add(string name, string content, string? contentType = "text/csv")
    {
        var locator = "file-" + files.Count;
        files[locator] = Encoding.UTF8.GetBytes(content);
        return new ChatAttachment(name, contentType, Channel, locator);
    }

    public Task<byte[]> ReadAsync(ChatAddress where, ChatAttachment attachment, long maxBytes, CancellationToken cancellationToken)
    {
        Reads.Enqueue(attachment.Locator);
        DuringRead?.Invoke();
        if (!files.TryGetValue(attachment.Locator, out var bytes)) throw new AttachmentException(AttachmentProblem.Unavailable, "no such file");
        if (bytes.Length > maxBytes) throw new AttachmentException(AttachmentProblem.TooLarge, "too large");
        return Task.FromResult(bytes);
    }
}
