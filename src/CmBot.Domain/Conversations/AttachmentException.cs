namespace CmBot.Domain.Conversations;

/// <summary>
/// An attached file that could not be fetched, by kind, so the command can say it in the brand's language; the
/// message is for logs and never holds a token or the file's URL.
/// </summary>
public sealed class AttachmentException(AttachmentProblem problem, string message) : Exception(message)
{
    public AttachmentProblem Problem { get; } = problem;
}
