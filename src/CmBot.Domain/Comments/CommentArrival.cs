using CmBot.Domain.Conversations;

namespace CmBot.Domain.Comments;

/// <summary>
/// The outcome of taking a comment in: the stored comment, whether it was new (a re-delivered one is not),
/// and what to post in the brand's channels (nothing for a duplicate).
/// </summary>
public sealed record CommentArrival(Comment Comment, bool IsNew, IReadOnlyList<BotReply> Replies);
