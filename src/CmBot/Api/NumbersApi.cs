using CmBot.Domain.Numbers;
using CmBot.Domain.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CmBot.Api;

/// <summary>`GET /api/numbers?week=this|last`: the brand's week against the one before, as the `numbers` card shows it.</summary>
public static class NumbersApi
{
    public sealed record NetworkView(string Network, IReadOnlyList<MetricComparison> Metrics);

    public sealed record NumbersView(string Brand, string Week, DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo,
        IReadOnlyList<MetricComparison> Totals, IReadOnlyList<NetworkView> Networks, TeamNumbers Team, TeamNumbers PreviousTeam);

    public static void MapNumbersApi(this RouteGroupBuilder api) =>
        api.MapGet("/numbers", async Task<Results<Ok<NumbersView>, ValidationProblem>> (
            HttpContext http, CmBotDb db, TimeProvider clock, string? week, CancellationToken cancellationToken) =>
        {
            var which = (week ?? "this").Trim().ToLowerInvariant();
            if (which is not ("this" or "last")) return ApiProblems.Invalid("week", "The week is 'this' or 'last'.");
            var brand = await ApiBrands.LoadAsync(db, http, cancellationToken);
            var numbers = await new NumbersCalculator(db, clock).ComputeAsync(brand, which == "last", cancellationToken);
            var spans = numbers.Spans;
            return TypedResults.Ok(new NumbersView(numbers.BrandName, which, spans.Current.FirstDay, spans.Current.LastDay,
                spans.Previous.FirstDay, spans.Previous.LastDay, numbers.Totals,
                numbers.Networks.Select(n => new NetworkView(n.Network.ToString(), n.Metrics)).ToList(), numbers.Team, numbers.PreviousTeam));
        }).WithName("GetNumbers").WithTags("Numbers");
}
