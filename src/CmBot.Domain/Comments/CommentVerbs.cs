namespace CmBot.Domain.Comments;

/// <summary>The verbs of the comment card's buttons and the keys of their data, in one place.</summary>
public static class CommentVerbs
{
    public const string Replied = "comment.replied";
    public const string Dismiss = "comment.dismiss";
    public const string Assign = "comment.assign";

    public const string CommentId = "commentId";
    public const string ReplyText = "replyText";

    public static readonly IReadOnlyCollection<string> All = [Replied, Dismiss, Assign];
}
