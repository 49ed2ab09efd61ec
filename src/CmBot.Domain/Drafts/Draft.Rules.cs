using CmBot.Domain.Brands;
using CmBot.Domain.Common;

namespace CmBot.Domain.Drafts;

/// <summary>
/// The approval rules. Every move checks everything before it changes anything, so a refused move leaves the
/// draft as it was; every change bumps <see cref="Version"/>, the concurrency token that lets only one of two
/// simultaneous decisions save.
/// </summary>
public sealed partial class Draft
{
    /// <summary>A new pending draft from plain values, with the same checks as the chat (the REST API and the seed use it).</summary>
    public static Draft Create(Brand brand, ChatUser author, string text, IEnumerable<Network> networks,
        DateTimeOffset? plannedAt, DateTimeOffset now, IEnumerable<string>? links = null)
    {
        var language = brand.Language;
        text = text.Trim();
        var chosen = networks.Distinct().Order().ToList();
        EnsureContent(text, chosen, language);
        if (plannedAt < now) throw new DomainException(PlannedInThePast(language));
        return new Draft
        {
            BrandId = brand.Id,
            Text = text,
            Networks = chosen,
            Links = DraftText.Links(text).Concat(links ?? []).Distinct().ToList(),
            Hashtags = DraftText.Hashtags(text),
            PlannedAt = plannedAt,
            AuthorId = author.Id,
            AuthorName = author.Name,
            CreatedAt = now,
        };
    }

    public void Approve(Brand brand, ChatUser by, DateTimeOffset now)
    {
        var language = brand.Language;
        EnsureWaiting(language);
        if (!brand.IsApprover(by.Id))
            throw new DomainException(language.Pick("Only the brand's approvers can approve drafts.",
                "Seuls les approbateurs de la marque peuvent approuver les brouillons."));
        if (by.Id == AuthorId && !brand.AuthorMayApproveOwn)
            throw new DomainException(language.Pick("You wrote this draft: another approver must approve it.",
                "Vous avez écrit ce brouillon : un autre approbateur doit l'approuver."));
        Decide(DraftState.Approved, by, null, now);
    }

    public void RequestChanges(Brand brand, ChatUser by, string? comment, DateTimeOffset now)
    {
        var language = brand.Language;
        EnsureWaiting(language);
        if (!brand.IsApprover(by.Id))
            throw new DomainException(language.Pick("Only the brand's approvers can request changes.",
                "Seuls les approbateurs de la marque peuvent demander des modifications."));
        if (string.IsNullOrWhiteSpace(comment))
            throw new DomainException(language.Pick("Say what should change: a comment is required.",
                "Dites ce qui doit changer : un commentaire est obligatoire."));
        Decide(DraftState.ChangesRequested, by, comment.Trim(), now);
    }

    public void Reject(Brand brand, ChatUser by, string? reason, DateTimeOffset now)
    {
        var language = brand.Language;
        EnsureWaiting(language);
        if (!brand.IsApprover(by.Id))
            throw new DomainException(language.Pick("Only the brand's approvers can reject drafts.",
                "Seuls les approbateurs de la marque peuvent refuser les brouillons."));
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException(language.Pick("Say why: a reason is required to reject a draft.",
                "Dites pourquoi : une raison est obligatoire pour refuser un brouillon."));
        Decide(DraftState.Rejected, by, reason.Trim(), now);
    }

    /// <summary>Records that the approved post went out. Whoever published it may say so: it decides nothing.</summary>
    public void MarkPublished(Brand brand, DateTimeOffset now)
    {
        var language = brand.Language;
        if (State == DraftState.Published)
            throw new DomainException(language.Pick($"Draft {Id} is already marked published.", $"Le brouillon {Id} est déjà marqué publié."));
        if (State != DraftState.Approved)
            throw new DomainException(language.Pick($"Draft {Id} is not approved yet: it cannot be marked published.",
                $"Le brouillon {Id} n'est pas encore approuvé : il ne peut pas être marqué publié."));
        State = DraftState.Published;
        PublishedAt = now;
        Version++;
    }

    /// <summary>A new text, networks or planned time: recorded as a revision, and back to waiting for approval.</summary>
    public DraftRevision Edit(Brand brand, ChatUser by, string text, IEnumerable<Network> networks, DateTimeOffset? plannedAt, DateTimeOffset now)
    {
        var language = brand.Language;
        if (State == DraftState.Published)
            throw new DomainException(language.Pick($"Draft {Id} is already published: it can no longer be edited.",
                $"Le brouillon {Id} est déjà publié : il ne peut plus être modifié."));
        text = text.Trim();
        var chosen = networks.Distinct().Order().ToList();
        EnsureContent(text, chosen, language);
        if (plannedAt != PlannedAt && plannedAt < now) throw new DomainException(PlannedInThePast(language));
        if (text == Text && chosen.SequenceEqual(Networks) && plannedAt == PlannedAt)
            throw new DomainException(language.Pick($"Nothing changed: draft {Id} stays as it is.",
                $"Rien n'a changé : le brouillon {Id} reste tel quel."));

        var revision = new DraftRevision
        {
            DraftId = Id,
            Number = Revision + 1,
            EditedById = by.Id,
            EditedByName = by.Name,
            EditedAt = now,
            TextBefore = Text,
            TextAfter = text,
            NetworksBefore = [.. Networks],
            NetworksAfter = chosen,
            PlannedAtBefore = PlannedAt,
            PlannedAtAfter = plannedAt,
        };
        Revisions.Add(revision);
        Links = DraftText.Merge(Links, DraftText.Links(Text), DraftText.Links(text));
        Hashtags = DraftText.Merge(Hashtags, DraftText.Hashtags(Text), DraftText.Hashtags(text));
        (Text, Networks, PlannedAt) = (text, chosen, plannedAt);
        Revision = revision.Number;
        // The approval was for the old text: the new one waits for its own.
        (State, DecidedById, DecidedByName, DecidedAt, DecisionNote) = (DraftState.Pending, null, null, null, null);
        Version++;
        return revision;
    }

    private void Decide(DraftState state, ChatUser by, string? note, DateTimeOffset now)
    {
        (State, DecidedById, DecidedByName, DecidedAt, DecisionNote) = (state, by.Id, by.Name, now, note);
        Version++;
    }

    /// <summary>Only a draft waiting for approval can be decided; otherwise say who decided it.</summary>
    private void EnsureWaiting(Language language)
    {
        var message = State switch
        {
            DraftState.Approved => language.Pick($"Draft {Id} is already approved by {DecidedByName}.",
                $"Le brouillon {Id} est déjà approuvé par {DecidedByName}."),
            DraftState.ChangesRequested => language.Pick($"Draft {Id} already has changes requested by {DecidedByName}: edit it first.",
                $"Des modifications ont déjà été demandées par {DecidedByName} sur le brouillon {Id} : modifiez-le d'abord."),
            DraftState.Rejected => language.Pick($"Draft {Id} was already rejected by {DecidedByName}.",
                $"Le brouillon {Id} a déjà été refusé par {DecidedByName}."),
            DraftState.Published => language.Pick($"Draft {Id} is already published.", $"Le brouillon {Id} est déjà publié."),
            _ => null,
        };
        if (message is not null) throw new DomainException(message);
    }

    private static void EnsureContent(string text, IReadOnlyCollection<Network> networks, Language language)
    {
        if (text.Length == 0)
            throw new DomainException(language.Pick("A draft needs a text.", "Un brouillon a besoin d'un texte."));
        if (networks.Count == 0)
            throw new DomainException(language.Pick("Pick at least one network.", "Choisissez au moins un réseau."));
        NetworkLimits.Ensure(text, networks, language);
    }

    private static string PlannedInThePast(Language language) =>
        language.Pick("The planned time is already past: pick a later one.", "L'heure prévue est déjà passée : choisissez-en une plus tard.");
}
