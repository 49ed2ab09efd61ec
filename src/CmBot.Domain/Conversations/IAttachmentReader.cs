
namespace CmBot.Domain.Conversations;

/// <summary>Fetches the bytes of a <see cref="ChatAttachment"/> from the platform that holds it; one per platform, in the host.</summary>
public interface IAttachmentReader
{
    /// <summary>The <see cref="ChatAttachment.Channel"/> this reader serves.</summary>
    string Channel { get; }

    /// <summary>The file's bytes, at most <paramref name="maxBytes"/>.</summary>
    /// <exception cref="AttachmentException">The file cannot be read (too large, gone, not allowed), said for people.</exception>
    Task<byte[]> ReadAsync(ChatAddress where, ChatAttachment attachment, long maxBytes, CancellationToken cancellationToken);
}
