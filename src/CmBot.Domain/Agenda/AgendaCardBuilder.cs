using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Common;
using CmBot.Domain.Drafts;
using CmBot.Domain.Routines;

namespace CmBot.Domain.Agenda;

/// <summary>The weekly sync card: the slot, one section per item, then what the store says about the week.</summary>
public static class AgendaCardBuilder
{
    private const int ExcerptLength = 60;
    private const int PlannedShown = 5;

    /// <param name="numbers">The week's numbers, from <see cref="IAgendaNumbersSection"/> when one is registered.</param>
    public static Card Build(Brand brand, AgendaWeek week, IReadOnlyList<AgendaItem> items, AgendaFigures figures, BrandTime time, CardSection? numbers = null)
    {
        var language = brand.Language;
        var slot = time.At(week.Day(brand.SyncDay), brand.SyncTime);
        var discussed = items.Count(i => i.DiscussedAt is not null);
        var sections = new List<CardSection>();
        sections.AddRange(items.Count == 0
            ? [new CardSection(null) { Text = language.Pick("No items yet. Add one below or type `agenda add <text>`.",
                "Aucun point pour l'instant. Ajoutez-en un ci-dessous ou tapez `ordre du jour ajouter <texte>`.") }]
            : items.Select(i => ItemSection(brand, week, i, time.Now)));
        if (numbers is not null) sections.Add(numbers);
        sections.Add(Drafts(figures, time, language));
        sections.Add(Comments(figures, language));
        sections.Add(Routines(figures, language));
        sections.Add(Planned(figures, time, language));

        return new Card(week.CardKey(brand.Id), CardKind.Agenda, language.Pick($"Weekly sync · week {week.Week}", $"Réunion d'équipe · semaine {week.Week}"))
        {
            Subtitle = brand.Name,
            Facts = [new CardFact(language.Pick("Sync", "Réunion"), Phrasing.LocalDateTime(time.ToLocal(slot), language))],
            State = language.Pick($"{items.Count} item(s), {discussed} discussed", $"{items.Count} point(s), {discussed} abordé(s)"),
            Tone = items.Count > 0 && discussed == items.Count ? CardTone.Good : CardTone.Neutral,
            Sections = sections,
            Actions = [AddAction(brand, week)],
        };
    }

    private static CardSection ItemSection(Brand brand, AgendaWeek week, AgendaItem item, DateTimeOffset now)
    {
        var language = brand.Language;
        var lines = new List<string> { language.Pick($"Added by {item.AddedByName}", $"Ajouté par {item.AddedByName}") };
        if (item.WeekYear != week.Year || item.Week != week.Week)
            lines.Add(language.Pick($"carried over from week {item.Week}", $"reporté de la semaine {item.Week}"));
        if (item.DiscussedAt is { } at)
            lines.Add(language.Pick($"✓ Discussed, marked by {item.DiscussedByName} · {Phrasing.Ago(at, now, language)}",
                $"✓ Abordé, marqué par {item.DiscussedByName} · {Phrasing.Ago(at, now, language)}"));
        return new CardSection(item.Text)
        {
            Text = string.Join(" · ", lines),
            Actions = item.DiscussedAt is not null ? [] :
            [
                new CardAction(language.Pick("Mark discussed", "Marquer abordé"), AgendaVerbs.MarkDiscussed)
                {
                    Data = WeekData(brand, week, (AgendaVerbs.ItemKey, item.Id.ToString())),
                    Style = CardActionStyle.Positive,
                },
            ],
        };
    }

    private static CardAction AddAction(Brand brand, AgendaWeek week) =>
        new(brand.Language.Pick("Add item", "Ajouter un point"), AgendaVerbs.Add)
        {
            Data = WeekData(brand, week),
            Inputs = [new CardInput(AgendaVerbs.TextKey, brand.Language.Pick("Item", "Point"))
            {
                Required = true,
                MaxLength = AgendaBook.MaxTextLength,
                Placeholder = brand.Language.Pick("What should the team talk about?", "De quoi l'équipe doit-elle parler ?"),
            }],
            SubmitLabel = brand.Language.Pick("Add", "Ajouter"),
        };

    private static Dictionary<string, string> WeekData(Brand brand, AgendaWeek week, params (string Key, string Value)[] more)
    {
        var data = new Dictionary<string, string>
        {
            [AgendaVerbs.BrandKey] = brand.Id.ToString(),
            [AgendaVerbs.YearKey] = week.Year.ToString(),
            [AgendaVerbs.WeekKey] = week.Week.ToString(),
        };
        foreach (var (key, value) in more) data[key] = value;
        return data;
    }

    private static CardSection Drafts(AgendaFigures figures, BrandTime time, Language language)
    {
        var text = figures.OldestWaiting is not { } oldest
            ? language.Pick("None waiting.", "Aucun en attente.")
            : language.Pick($"{figures.DraftsWaiting} waiting. Oldest: “{Excerpt(oldest.Text)}” by {oldest.AuthorName}, {Phrasing.Ago(oldest.CreatedAt, time.Now, language)}.",
                $"{figures.DraftsWaiting} en attente. Le plus ancien : « {Excerpt(oldest.Text)} » de {oldest.AuthorName}, {Phrasing.Ago(oldest.CreatedAt, time.Now, language)}.");
        return new CardSection(language.Pick("Drafts waiting", "Brouillons en attente")) { Text = text };
    }

    private static CardSection Comments(AgendaFigures figures, Language language) =>
        new(language.Pick("Comments", "Commentaires"))
        {
            Facts =
            [
                new CardFact(language.Pick("Overdue", "En retard"), figures.OverdueComments.ToString()),
                new CardFact(language.Pick("Urgent, open", "Urgents, ouverts"), figures.UrgentComments.ToString()),
            ],
        };

    private static CardSection Routines(AgendaFigures figures, Language language)
    {
        string Names(IEnumerable<AgendaRoutineLine> lines) =>
            string.Join(", ", lines.Select(l => RoutineCatalog.Title(l.Kind, language) + (l.ByName is { } by && l.State == OccurrenceState.Done ? $" ({by})" : "")));
        var done = figures.Routines.Where(r => r.State == OccurrenceState.Done).ToList();
        var missed = figures.Routines.Where(r => r.Missed).ToList();
        var facts = new List<CardFact>();
        if (done.Count > 0) facts.Add(new CardFact(language.Pick("Done", "Faites"), Names(done)));
        if (missed.Count > 0) facts.Add(new CardFact(language.Pick("Missed", "Manquées"), Names(missed)));
        return new CardSection(language.Pick("Routines this week", "Routines de la semaine"))
        {
            Text = facts.Count == 0 ? language.Pick("Nothing done or missed yet.", "Rien de fait ni de manqué pour l'instant.") : null,
            Facts = facts,
        };
    }

    private static CardSection Planned(AgendaFigures figures, BrandTime time, Language language)
    {
        var lines = figures.PlannedNextWeek.Take(PlannedShown).Select(d => PlannedLine(d, time, language)).ToList();
        if (figures.PlannedNextWeek.Count > PlannedShown)
            lines.Add(language.Pick($"and {figures.PlannedNextWeek.Count - PlannedShown} more", $"et {figures.PlannedNextWeek.Count - PlannedShown} de plus"));
        return new CardSection(language.Pick($"Planned next week ({figures.PlannedNextWeek.Count})", $"Prévus la semaine prochaine ({figures.PlannedNextWeek.Count})"))
        {
            Text = lines.Count == 0 ? language.Pick("No post planned yet.", "Aucune publication prévue.") : string.Join("\n", lines.Select(l => "- " + l)),
        };
    }

    private static string PlannedLine(Draft draft, BrandTime time, Language language) =>
        $"{Phrasing.LocalDateTime(time.ToLocal(draft.PlannedAt!.Value), language)} · {string.Join(", ", draft.Networks)} · “{Excerpt(draft.Text)}”"
        + (draft.State == DraftState.Pending ? language.Pick(" (pending)", " (en attente)") : "");

    private static string Excerpt(string text) => text.Length <= ExcerptLength ? text : text[..(ExcerptLength - 1)] + "…";
}
