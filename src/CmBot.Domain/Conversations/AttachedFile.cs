namespace CmBot.Domain.Conversations;

/// <summary>An attached file, fetched before the conversation's transaction: its bytes, or why they could not be had.</summary>
public sealed record AttachedFile(ChatAttachment Attachment, byte[]? Bytes, AttachmentProblem? Problem)
{
    /// <summary>The largest file the product reads (a CSV export of a year of daily figures is far smaller).</summary>
    public const long MaxBytes = 5 * 1024 * 1024;
}
