using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Common;

namespace CmBot.Domain.Comments;

/// <summary>A comment or private message on one of the brand's profiles.</summary>
public sealed class Comment
{
    public int Id { get; set; }
    public int BrandId { get; set; }
    public Network Network { get; set; }
    /// <summary>The network's own id, when known; makes a re-delivered comment a duplicate.</summary>
    public string? ExternalId { get; set; }
    public required string Author { get; set; }
    public required string Text { get; set; }
    public string? Permalink { get; set; }
    public bool IsPrivateMessage { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public bool NeedsReply { get; set; } = true;
    /// <summary>Received-at plus the brand's reply deadline, fixed on arrival.</summary>
    public DateTimeOffset DeadlineAt { get; set; }
    public bool IsUrgent { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    /// <summary>When the "15 minutes left" reminder was posted; set once, by the deadline job.</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }
    /// <summary>When the card turned overdue and the on-duty people were called; set once, by the deadline job.</summary>
    public DateTimeOffset? OverdueNotifiedAt { get; set; }
    public CommentState State { get; set; } = CommentState.Open;
    public string? AssignedToId { get; set; }
    public string? AssignedToName { get; set; }
    public string? HandledById { get; set; }
    public string? HandledByName { get; set; }
    public DateTimeOffset? HandledAt { get; set; }
    public string? ReplyText { get; set; }
    public int Version { get; set; }

    public bool IsOpen => State == CommentState.Open;

    /// <summary>
    /// A comment as it arrives: its deadline is fixed now from the brand's setting (a later change of the
    /// setting does not move promises already made), and an urgent one is escalated at once.
    /// </summary>
    public static Comment Receive(Brand brand, Network network, string author, string text, string? permalink,
        DateTimeOffset receivedAt, string? externalId = null, bool isPrivate = false, bool needsReply = true)
    {
        var urgent = AlertWordMatcher.Matches(text, brand.AlertWords);
        return new Comment
        {
            BrandId = brand.Id,
            Network = network,
            Author = author.Trim(),
            Text = text,
            Permalink = string.IsNullOrWhiteSpace(permalink) ? null : permalink.Trim(),
            ReceivedAt = receivedAt,
            ExternalId = string.IsNullOrWhiteSpace(externalId) ? null : externalId.Trim(),
            IsPrivateMessage = isPrivate,
            NeedsReply = needsReply,
            DeadlineAt = receivedAt + brand.ReplyDeadline,
            IsUrgent = urgent,
            EscalatedAt = urgent ? receivedAt : null,
        };
    }

    public void MarkReplied(ChatUser by, DateTimeOffset at, string? replyText, Language language)
    {
        EnsureOpen(at, language);
        State = CommentState.Replied;
        Handle(by, at);
        ReplyText = string.IsNullOrWhiteSpace(replyText) ? null : replyText.Trim();
    }

    public void Dismiss(ChatUser by, DateTimeOffset at, Language language)
    {
        EnsureOpen(at, language);
        State = CommentState.Dismissed;
        Handle(by, at);
    }

    public void AssignTo(ChatUser user, DateTimeOffset at, Language language)
    {
        EnsureOpen(at, language);
        if (AssignedToId == user.Id)
            throw new DomainException(language.Pick($"Comment {Id} is already assigned to you.", $"Le commentaire {Id} vous est déjà attribué."));
        AssignedToId = user.Id;
        AssignedToName = user.Name;
        Version++;
    }

    /// <summary>Refuses to act on a closed comment, saying who closed it and when.</summary>
    public void EnsureOpen(DateTimeOffset now, Language language)
    {
        if (IsOpen) return;
        var ago = HandledAt is { } at ? Phrasing.Ago(at, now, language) : "";
        var who = HandledByName ?? language.Pick("someone", "quelqu'un");
        throw new DomainException(State == CommentState.Replied
            ? language.Pick($"Comment {Id} was already replied to by {who} {ago}.", $"Le commentaire {Id} a déjà reçu une réponse de {who} {ago}.")
            : language.Pick($"Comment {Id} was already dismissed by {who} {ago}.", $"Le commentaire {Id} a déjà été classé par {who} {ago}."));
    }

    private void Handle(ChatUser by, DateTimeOffset at)
    {
        HandledById = by.Id;
        HandledByName = by.Name;
        HandledAt = at;
        Version++;
    }
}
