using System.Globalization;
using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;

namespace CmBot.Domain.Drafts;

/// <summary>
/// The card of a draft: its text, its facts, where it stands, and the buttons that fit its state. Every button
/// carries the draft's id and revision, so a click on an out-of-date copy is recognised.
/// </summary>
public static class DraftCard
{
    public static string Key(int draftId) => $"draft-{draftId}";

    public static Card Build(Draft draft, ConversationContext context) => Build(draft, context.Brand, context.Clock);

    public static Card Build(Draft draft, Brand brand, TimeProvider clock)
    {
        var language = brand.Language;
        var time = brand.Time(clock);
        return new Card(Key(draft.Id), CardKind.Draft, language.Pick($"Draft {draft.Id}", $"Brouillon {draft.Id}"))
        {
            Subtitle = $"{brand.Name} · {string.Join(", ", draft.Networks)}",
            Text = draft.Text,
            State = StateLine(draft, language, time.Now),
            Tone = Tone(draft.State),
            Facts = Facts(draft, language, time),
            Actions = Actions(draft, language, time),
        };
    }

    public static string StateLine(Draft draft, Language language, DateTimeOffset now)
    {
        var decided = draft.DecidedAt is { } at ? Phrasing.Ago(at, now, language) : "";
        return draft.State switch
        {
            DraftState.Pending => language.Pick(
                $"Waiting for approval · submitted {Phrasing.Ago(draft.SubmittedAt, now, language)}",
                $"En attente d'approbation · soumis {Phrasing.Ago(draft.SubmittedAt, now, language)}"),
            DraftState.Approved => language.Pick($"Approved by {draft.DecidedByName} · {decided}", $"Approuvé par {draft.DecidedByName} · {decided}"),
            DraftState.ChangesRequested => language.Pick(
                $"Changes requested by {draft.DecidedByName}: {draft.DecisionNote}",
                $"Modifications demandées par {draft.DecidedByName} : {draft.DecisionNote}"),
            DraftState.Rejected => language.Pick($"Rejected by {draft.DecidedByName}: {draft.DecisionNote}",
                $"Refusé par {draft.DecidedByName} : {draft.DecisionNote}"),
            _ => language.Pick(
                $"Published · {Phrasing.Ago(draft.PublishedAt ?? now, now, language)} · approved by {draft.DecidedByName}",
                $"Publié · {Phrasing.Ago(draft.PublishedAt ?? now, now, language)} · approuvé par {draft.DecidedByName}"),
        };
    }

    private static CardTone Tone(DraftState state) => state switch
    {
        DraftState.Approved or DraftState.Published => CardTone.Good,
        DraftState.ChangesRequested => CardTone.Warning,
        DraftState.Rejected => CardTone.Attention,
        _ => CardTone.Neutral,
    };

    private static List<CardFact> Facts(Draft draft, Language language, BrandTime time)
    {
        var facts = new List<CardFact>
        {
            new(language.Pick("Networks", "Réseaux"), string.Join(", ", draft.Networks)),
            new(language.Pick("Planned", "Prévu"), draft.PlannedAt is { } planned
                ? Phrasing.LocalDateTime(time.ToLocal(planned), language)
                : language.Pick("Not planned", "Non planifié")),
            new(language.Pick("Author", "Auteur"), draft.AuthorName),
            new(language.Pick("Revision", "Révision"), draft.Revision.ToString(CultureInfo.InvariantCulture)),
        };
        if (draft.Hashtags.Count > 0) facts.Add(new(language.Pick("Hashtags", "Hashtags"), string.Join(" ", draft.Hashtags)));
        if (draft.Links.Count > 0) facts.Add(new(language.Pick("Links", "Liens"), string.Join("\n", draft.Links)));
        return facts;
    }

    private static List<CardAction> Actions(Draft draft, Language language, BrandTime time)
    {
        var data = new Dictionary<string, string>
        {
            [DraftFields.DraftId] = draft.Id.ToString(CultureInfo.InvariantCulture),
            [DraftFields.Revision] = draft.Revision.ToString(CultureInfo.InvariantCulture),
        };
        var approve = new CardAction(language.Pick("Approve", "Approuver"), DraftVerbs.Approve) { Data = data, Style = CardActionStyle.Positive };
        var changes = new CardAction(language.Pick("Request changes", "Demander des modifications"), DraftVerbs.RequestChanges)
        {
            Data = data,
            Inputs = [new CardInput(DraftFields.Comment, language.Pick("What should change?", "Que faut-il changer ?"), CardInputKind.MultilineText) { Required = true }],
            SubmitLabel = language.Pick("Send", "Envoyer"),
        };
        var reject = new CardAction(language.Pick("Reject", "Refuser"), DraftVerbs.Reject)
        {
            Data = data,
            Style = CardActionStyle.Destructive,
            Inputs = [new CardInput(DraftFields.Reason, language.Pick("Why?", "Pourquoi ?"), CardInputKind.MultilineText) { Required = true }],
            SubmitLabel = language.Pick("Reject", "Refuser"),
        };
        var published = new CardAction(language.Pick("Mark published", "Marquer publié"), DraftVerbs.MarkPublished) { Data = data };
        var edit = EditAction(draft, language, time, data);
        return draft.State switch
        {
            DraftState.Pending => [approve, changes, reject, edit],
            DraftState.Approved => [published, edit],
            DraftState.ChangesRequested or DraftState.Rejected => [edit],
            _ => [],
        };
    }

    /// <summary>A form prefilled with the draft as it is, so an edit only touches what changes.</summary>
    private static CardAction EditAction(Draft draft, Language language, BrandTime time, Dictionary<string, string> data)
    {
        var local = draft.PlannedAt is { } planned ? time.ToLocal(planned) : (DateTimeOffset?)null;
        return new CardAction(language.Pick("Edit", "Modifier"), DraftVerbs.Edit)
        {
            Data = data,
            SubmitLabel = language.Pick("Save", "Enregistrer"),
            Inputs =
            [
                new CardInput(DraftFields.Text, language.Pick("Text", "Texte"), CardInputKind.MultilineText) { Value = draft.Text, Required = true },
                new CardInput(DraftFields.Networks, language.Pick("Networks", "Réseaux"), CardInputKind.Choice)
                {
                    Value = string.Join(",", draft.Networks),
                    Required = true,
                    MultiSelect = true,
                    Choices = Enum.GetValues<Network>().Select(n => new CardChoice(n.ToString(), n.ToString())).ToList(),
                },
                new CardInput(DraftFields.Date, language.Pick("Planned day", "Jour prévu"), CardInputKind.Date)
                {
                    Value = local?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                },
                new CardInput(DraftFields.Time, language.Pick("Planned time", "Heure prévue"), CardInputKind.Time)
                {
                    Value = local?.ToString("HH:mm", CultureInfo.InvariantCulture),
                },
            ],
        };
    }
}
