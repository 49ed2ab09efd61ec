using CmBot.Domain.Cards;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;

namespace CmBot.Domain.Agenda;

/// <summary>The agenda card's buttons: "Mark discussed" on an item, and "Add item" with its form.</summary>
public sealed class AgendaActionHandler(AgendaCards cards) : ICardActionHandler
{
    public IReadOnlyCollection<string> Verbs { get; } = [AgendaVerbs.MarkDiscussed, AgendaVerbs.Add];

    public async Task<IReadOnlyList<BotReply>> HandleAsync(ConversationContext context, CardClick click, CancellationToken cancellationToken)
    {
        var brand = context.Brand;
        if (click.GetInt(AgendaVerbs.BrandKey) != brand.Id)
            throw new DomainException(context.L("This card belongs to another brand's channel.", "Cette carte appartient au canal d'une autre marque."));
        var week = CardWeek(click) ?? AgendaWeek.Current(context.Time);

        if (click.Verb == AgendaVerbs.Add)
        {
            AgendaBook.Add(context.Db, brand.Id, context.Time, context.User, click.Get(AgendaVerbs.TextKey) ?? "", context.Language);
            await context.Db.SaveChangesAsync(cancellationToken);
            // The item belongs to the current week: refresh this card when it shows that week, else show the current one.
            var current = AgendaWeek.Current(context.Time);
            var card = await cards.BuildAsync(context.Db, brand, current, context.Clock, cancellationToken);
            return [current == week ? BotReply.Refresh(card) : BotReply.Show(card)];
        }

        var itemId = click.GetInt(AgendaVerbs.ItemKey)
            ?? throw new DomainException(context.L("That button lost its item; type `agenda` again.", "Ce bouton a perdu son point ; tapez `ordre du jour` à nouveau."));
        var (item, marked) = await AgendaBook.MarkDiscussedAsync(context.Db, brand.Id, itemId, context.User, context.Now, context.Language, cancellationToken);
        var refreshed = BotReply.Refresh(await cards.BuildAsync(context.Db, brand, week, context.Clock, cancellationToken));
        if (marked) return [refreshed];
        return [refreshed, BotReply.Say(context.L(
            $"“{item.Text}” was already marked discussed by {item.DiscussedByName}, {Phrasing.Ago(item.DiscussedAt!.Value, context.Now, context.Language)}.",
            $"« {item.Text} » a déjà été marqué abordé par {item.DiscussedByName}, {Phrasing.Ago(item.DiscussedAt!.Value, context.Now, context.Language)}."))];
    }

    private static AgendaWeek? CardWeek(CardClick click) =>
        click.GetInt(AgendaVerbs.YearKey) is { } year && click.GetInt(AgendaVerbs.WeekKey) is { } week && week is >= 1 and <= 53
            ? new AgendaWeek(year, week)
            : null;
}
