using CmBot.Domain.Common;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Agenda;

/// <summary>The agenda's rules: adding items, what a week shows, marking an item discussed.</summary>
public static class AgendaBook
{
    public const int MaxTextLength = 1000;

    /// <summary>Adds an item to the current week of the brand; the caller saves.</summary>
    public static AgendaItem Add(CmBotDb db, int brandId, BrandTime time, ChatUser who, string text, Language language)
    {
        text = text.Trim();
        if (text.Length == 0)
            throw new DomainException(language.Pick(
                "What should go on the agenda? Type `agenda add <text>`, e.g. `agenda add Budget for the spring campaign`.",
                "Que faut-il mettre à l'ordre du jour ? Tapez `ordre du jour ajouter <texte>`, par ex. `ordre du jour ajouter Budget de la campagne de printemps`."));
        if (text.Length > MaxTextLength)
            throw new DomainException(language.Pick(
                $"That item is too long ({text.Length} characters, {MaxTextLength} at most).",
                $"Ce point est trop long ({text.Length} caractères, {MaxTextLength} au plus)."));
        var week = AgendaWeek.Current(time);
        var item = new AgendaItem
        {
            BrandId = brandId,
            WeekYear = week.Year,
            Week = week.Week,
            Text = text,
            AddedById = who.Id,
            AddedByName = who.Name,
            AddedAt = time.Now,
        };
        db.AgendaItems.Add(item);
        return item;
    }

    /// <summary>
    /// The items of <paramref name="week"/>: its own, plus the earlier ones not yet discussed. Nothing is
    /// copied from week to week; an earlier item discussed during this week stays shown, ticked, so the
    /// card does not lose a line when it is clicked.
    /// </summary>
    public static async Task<List<AgendaItem>> ItemsAsync(CmBotDb db, int brandId, AgendaWeek week, BrandTime time, CancellationToken cancellationToken)
    {
        var start = week.StartIn(time);
        DateTimeOffset? startOrNull = start;
        return await db.AgendaItems.AsNoTracking()
            .Where(i => i.BrandId == brandId)
            .Where(i => (i.WeekYear == week.Year && i.Week == week.Week)
                || ((i.WeekYear < week.Year || (i.WeekYear == week.Year && i.Week < week.Week))
                    && (i.DiscussedAt == null || i.DiscussedAt >= startOrNull)))
            .OrderBy(i => i.WeekYear).ThenBy(i => i.Week).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Marks an item discussed, once: the update only applies while nobody has, so two clicks at the same
    /// moment record one person. Returns the item and whether this call was the one that marked it.
    /// </summary>
    public static async Task<(AgendaItem Item, bool Marked)> MarkDiscussedAsync(
        CmBotDb db, int brandId, int itemId, ChatUser who, DateTimeOffset now, Language language, CancellationToken cancellationToken)
    {
        DateTimeOffset? when = now;
        var marked = await db.AgendaItems
            .Where(i => i.Id == itemId && i.BrandId == brandId && i.DiscussedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.DiscussedAt, when).SetProperty(i => i.DiscussedByName, who.Name), cancellationToken);
        var item = await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.BrandId == brandId, cancellationToken)
            ?? throw new DomainException(language.Pick("That agenda item no longer exists.", "Ce point de l'ordre du jour n'existe plus."));
        return (item, marked == 1);
    }
}
