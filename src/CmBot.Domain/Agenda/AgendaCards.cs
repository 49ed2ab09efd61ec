using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Store;

namespace CmBot.Domain.Agenda;

/// <summary>
/// Builds a brand's agenda card for a week from the store, as the `agenda` command and the weekly
/// posting job both need it.
/// </summary>
public sealed class AgendaCards(IEnumerable<IAgendaNumbersSection> numbers)
{
    public async Task<Card> BuildAsync(CmBotDb db, Brand brand, AgendaWeek week, TimeProvider clock, CancellationToken cancellationToken)
    {
        var time = brand.Time(clock);
        var items = await AgendaBook.ItemsAsync(db, brand.Id, week, time, cancellationToken);
        var figures = await AgendaFigures.LoadAsync(db, brand, week, time, cancellationToken);
        CardSection? numbersSection = null;
        foreach (var source in numbers)
            numbersSection ??= await source.BuildAsync(db, brand, week, clock, cancellationToken);
        return AgendaCardBuilder.Build(brand, week, items, figures, time, numbersSection);
    }

    /// <summary>The card of the week "now" falls in, in the brand's zone.</summary>
    public Task<Card> CurrentAsync(CmBotDb db, Brand brand, TimeProvider clock, CancellationToken cancellationToken) =>
        BuildAsync(db, brand, AgendaWeek.Current(brand.Time(clock)), clock, cancellationToken);
}
