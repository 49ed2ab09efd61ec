using CmBot.Domain.Cards;
using CmBot.Domain.Common;

namespace CmBot.Domain.Comments;

/// <summary>
/// Where a comment stands, read from the clock each time the card is built: the same comment reads
/// "Reply due in 12 minutes" now and "Overdue by 5 minutes" later, with no job having to change it.
/// </summary>
public static class CommentStatus
{
    /// <summary>From this much time left the card turns to a warning.</summary>
    public static readonly TimeSpan WarningBefore = TimeSpan.FromMinutes(15);

    public static bool IsOverdue(this Comment comment, DateTimeOffset now) =>
        comment.IsOpen && comment.NeedsReply && now > comment.DeadlineAt;

    public static (string State, CardTone Tone) Describe(Comment comment, DateTimeOffset now, Language language)
    {
        switch (comment.State)
        {
            case CommentState.Replied:
                return (language.Pick($"Replied by {comment.HandledByName} · {Ago(comment, now, language)}",
                    $"Répondu par {comment.HandledByName} · {Ago(comment, now, language)}"), CardTone.Good);
            case CommentState.Dismissed:
                return (language.Pick($"Dismissed by {comment.HandledByName} · {Ago(comment, now, language)}",
                    $"Classé par {comment.HandledByName} · {Ago(comment, now, language)}"), CardTone.Neutral);
        }
        var urgentTone = comment.IsUrgent ? CardTone.Attention : CardTone.Neutral;
        if (!comment.NeedsReply)
            return (language.Pick("Open · no reply needed", "Ouvert · pas de réponse attendue"), urgentTone);
        var left = comment.DeadlineAt - now;
        if (left < TimeSpan.Zero)
            return (language.Pick($"Overdue by {Phrasing.Duration(left, language)}", $"En retard de {Phrasing.Duration(left, language)}"),
                CardTone.Attention);
        var state = language.Pick($"Reply due {Phrasing.In(comment.DeadlineAt, now, language)}",
            $"Réponse attendue {Phrasing.In(comment.DeadlineAt, now, language)}");
        return (state, comment.IsUrgent ? CardTone.Attention : left <= WarningBefore ? CardTone.Warning : CardTone.Neutral);
    }

    private static string Ago(Comment comment, DateTimeOffset now, Language language) =>
        Phrasing.Ago(comment.HandledAt ?? now, now, language);
}
