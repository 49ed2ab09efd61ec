using System.Globalization;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;

namespace CmBot.Domain.Drafts;

/// <summary>The Edit form of a draft card: a new text, networks or planned time make a new revision, back to pending.</summary>
public sealed class DraftEditHandler : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = [DraftVerbs.Edit];

    public async Task<IReadOnlyList<BotReply>> HandleAsync(ConversationContext context, CardClick click, CancellationToken cancellationToken)
    {
        // An edit racing a decision wins: a decision saved between our read and our save adds no revision, so the click
        // is still current and the edit applies to the decided draft (as it would have a moment later), sending it back
        // to pending. Without this the edit was dropped and the draft stayed approved with the old text. A second edit
        // that won changes the revision, and the retry refuses this click as stale.
        for (var attempt = 1; ; attempt++)
        {
            var (replies, final) = await TryEditAsync(context, click, cancellationToken);
            if (final || attempt == 3) return replies;
        }
    }

    private static async Task<(IReadOnlyList<BotReply> Replies, bool Final)> TryEditAsync(ConversationContext context, CardClick click,
        CancellationToken cancellationToken)
    {
        var draft = await DraftClicks.LoadAsync(context, click, cancellationToken);
        if (DraftClicks.Stale(context, click, draft) is { } stale) return (stale, true);

        var text = click.Data.TryGetValue(DraftFields.Text, out var typed) ? typed : "";
        var (networks, unknown) = NetworkNames.Parse(click.Get(DraftFields.Networks) ?? "", context.Brand.Networks.Select(n => n.Network));
        if (unknown.Count > 0)
            throw new DomainException(context.L($"Unknown network: {string.Join(", ", unknown)}.", $"Réseau inconnu : {string.Join(", ", unknown)}."));
        var planned = PlannedAt(context, click.Get(DraftFields.Date), click.Get(DraftFields.Time));

        var revision = draft.Edit(context.Brand, context.User, text, networks, planned, context.Now);
        var done = context.L($"Draft {draft.Id} is waiting for approval again (revision {revision.Number}).",
            $"Le brouillon {draft.Id} attend de nouveau une approbation (révision {revision.Number}).");
        IReadOnlyList<BotReply> edited = [BotReply.Refresh(DraftCard.Build(draft, context)), BotReply.Say(done)];
        var replies = await DraftClicks.SaveAsync(context, draft, edited, cancellationToken);
        // SaveAsync answers with `edited` itself only when this edit was the one saved; otherwise look again.
        return (replies, ReferenceEquals(replies, edited));
    }

    /// <summary>The day and time inputs, read in the brand's time zone; both empty means not planned.</summary>
    private static DateTimeOffset? PlannedAt(ConversationContext context, string? date, string? time)
    {
        if (date is null && time is null) return null;
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(time, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            throw new DomainException(context.L("Give both a planned day and a time, or neither.",
                "Indiquez à la fois un jour et une heure prévus, ou aucun des deux."));
        return context.Time.At(day, at);
    }
}
