using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Common;

namespace CmBot.Domain.Comments;

/// <summary>The card of one comment: what was said, where, by whom, by when it needs an answer, and what to do.</summary>
public static class CommentCard
{
    public static string KeyOf(int commentId) => $"comment-{commentId}";

    public static Card Build(Comment comment, Brand brand, BrandTime time)
    {
        var language = brand.Language;
        var (state, tone) = CommentStatus.Describe(comment, time.Now, language);
        var kind = comment.IsPrivateMessage
            ? language.Pick("Private message", "Message privé")
            : language.Pick("Comment", "Commentaire");
        var facts = new List<CardFact>
        {
            new(language.Pick("Network", "Réseau"), comment.Network.ToString()),
            new(language.Pick("Author", "Auteur"), comment.Author),
            new(language.Pick("Received", "Reçu"), Phrasing.LocalDateTime(time.ToLocal(comment.ReceivedAt), language)),
        };
        if (comment.NeedsReply)
            facts.Add(new(language.Pick("Reply by", "Répondre avant"), Phrasing.LocalDateTime(time.ToLocal(comment.DeadlineAt), language)));
        if (comment.Permalink is { } link) facts.Add(new(language.Pick("Link", "Lien"), link));
        if (comment.AssignedToName is { } assignee) facts.Add(new(language.Pick("Assigned to", "Attribué à"), assignee));
        if (comment.IsUrgent) facts.Add(new(language.Pick("Urgent", "Urgent"), Urgency(comment, brand, language)));
        if (comment.ReplyText is { } reply) facts.Add(new(language.Pick("Reply", "Réponse"), reply));

        return new Card(KeyOf(comment.Id), CardKind.Comment,
            (comment.IsUrgent ? "🚨 " : "") + language.Pick($"{kind} on {comment.Network} from {comment.Author}", $"{kind} sur {comment.Network} de {comment.Author}"))
        {
            Subtitle = brand.Name,
            Text = comment.Text,
            State = state,
            Tone = tone,
            Facts = facts,
            Actions = comment.IsOpen ? Actions(comment, language) : [],
        };
    }

    private static string Urgency(Comment comment, Brand brand, Language language) =>
        AlertWordMatcher.FirstMatch(comment.Text, brand.AlertWords) is { } word
            ? language.Pick($"yes, mentions \"{word}\"", $"oui, mentionne « {word} »")
            : language.Pick("yes", "oui");

    private static IReadOnlyList<CardAction> Actions(Comment comment, Language language)
    {
        var data = new Dictionary<string, string> { [CommentVerbs.CommentId] = comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return
        [
            new CardAction(language.Pick("Mark replied", "Marquer répondu"), CommentVerbs.Replied)
            {
                Data = data,
                Style = CardActionStyle.Positive,
                Inputs =
                [
                    new CardInput(CommentVerbs.ReplyText, language.Pick("What was answered (optional)", "Réponse donnée (facultatif)"), CardInputKind.MultilineText)
                    {
                        MaxLength = 4000,
                    },
                ],
                SubmitLabel = language.Pick("Mark replied", "Marquer répondu"),
            },
            new CardAction(language.Pick("Dismiss", "Classer"), CommentVerbs.Dismiss) { Data = data },
            new CardAction(language.Pick("Assign to me", "Me l'attribuer"), CommentVerbs.Assign) { Data = data },
        ];
    }
}
