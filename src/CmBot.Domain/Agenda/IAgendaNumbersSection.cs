using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Store;

namespace CmBot.Domain.Agenda;

/// <summary>
/// Extension point for "the week's numbers" on the agenda. The numbers feature registers one
/// (<c>services.AddSingleton&lt;IAgendaNumbersSection, X&gt;()</c>); until then the agenda has no numbers section.
/// </summary>
public interface IAgendaNumbersSection
{
    Task<CardSection?> BuildAsync(CmBotDb db, Brand brand, AgendaWeek week, TimeProvider clock, CancellationToken cancellationToken);
}
