using CmBot.Domain.Agenda;
using CmBot.Domain.Brands;
using CmBot.Domain.Cards;
using CmBot.Domain.Common;
using CmBot.Domain.Store;

namespace CmBot.Domain.Numbers;

/// <summary>
/// The numbers on the weekly sync agenda: the sync reviews the week just ended, so the totals of the
/// last full week against the week before, and the team's reply share.
/// </summary>
public sealed class AgendaNumbersSection : IAgendaNumbersSection
{
    public async Task<CardSection?> BuildAsync(CmBotDb db, Brand brand, AgendaWeek week, TimeProvider clock, CancellationToken cancellationToken)
    {
        var numbers = await new NumbersCalculator(db, clock).ComputeHeadlinesAsync(brand, lastWeek: true, MetricFacts.MaxShown, cancellationToken);
        var language = brand.Language;
        var facts = MetricFacts.Totals(numbers, language)
            .Concat(NumbersTeamFacts.Build(numbers.Team, numbers.PreviousTeam, language))
            .ToList();
        return new CardSection(language.Pick("Last week's numbers", "Chiffres de la semaine dernière"))
        {
            Text = facts.Count == 0 ? language.Pick("No numbers yet.", "Pas encore de chiffres.") : null,
            Facts = facts,
        };
    }
}
