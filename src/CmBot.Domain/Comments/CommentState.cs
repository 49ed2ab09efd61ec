namespace CmBot.Domain.Comments;

public enum CommentState { Open, Replied, Dismissed }
