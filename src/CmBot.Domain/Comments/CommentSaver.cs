using CmBot.Domain.Common;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Comments;

/// <summary>
/// Saves a move on a comment guarded by its <see cref="Comment.Version"/>: when two people act at the same
/// moment only the first write lands, and the second is told who acted first instead of overwriting them.
/// </summary>
public static class CommentSaver
{
    /// <returns>Null when saved; otherwise what the other person did, with <paramref name="comment"/> reloaded to show it.</returns>
    public static async Task<string?> TrySaveAsync(CmBotDb db, Comment comment, DateTimeOffset now, Language language, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            var entry = db.Entry(comment);
            await entry.ReloadAsync(cancellationToken);
            if (entry.State == EntityState.Detached)
                return language.Pick($"Comment {comment.Id} was removed meanwhile.", $"Le commentaire {comment.Id} a été supprimé entre-temps.");
            return FirstMove(comment, now, language);
        }
    }

    private static string FirstMove(Comment comment, DateTimeOffset now, Language language)
    {
        try
        {
            comment.EnsureOpen(now, language);
        }
        catch (DomainException closed)
        {
            return closed.Message;
        }
        return comment.AssignedToName is { } assignee
            ? language.Pick($"Someone acted on comment {comment.Id} first: it is now assigned to {assignee}.",
                $"Quelqu'un a agi sur le commentaire {comment.Id} avant vous : il est maintenant attribué à {assignee}.")
            : language.Pick($"Someone acted on comment {comment.Id} first; here is where it stands now.",
                $"Quelqu'un a agi sur le commentaire {comment.Id} avant vous ; voici où il en est.");
    }
}
