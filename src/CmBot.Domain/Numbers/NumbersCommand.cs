using CmBot.Domain.Brands;
using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Numbers;

/// <summary>`numbers [last week] [brand]`: the week's numbers of this conversation's brand or of one of the person's brands.</summary>
public sealed class NumbersCommand : IChatCommand
{
    private static readonly string[][] LastWeek = [["last", "week"], ["lastweek"], ["semaine", "derniere"], ["derniere", "semaine"]];
    private static readonly string[][] ThisWeek = [["this", "week"], ["cette", "semaine"]];

    public CommandInfo Info { get; } = new(["numbers", "chiffres", "stats"],
        "`numbers [last week] [brand]`: this week's numbers against last week's",
        "`chiffres [semaine dernière] [marque]` : les chiffres de la semaine comparés à la précédente");

    public bool ReadsOnly => true;

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var lastWeek = Strip(words, LastWeek);
        Strip(words, ThisWeek);
        var brand = await BrandAsync(context, string.Join(' ', words), cancellationToken);
        var numbers = await new NumbersCalculator(context.Db, context.Clock)
            .ComputeHeadlinesAsync(brand, lastWeek, MetricFacts.MaxShown, cancellationToken);
        // The card is the brand's: it speaks the brand's language and formats numbers its way.
        return [BotReply.Show(NumbersCard.Build(numbers, brand.Language))];
    }

    /// <summary>Removes the first phrase of <paramref name="phrases"/> found in <paramref name="words"/>, accents and case aside.</summary>
    private static bool Strip(List<string> words, string[][] phrases)
    {
        var normalized = words.Select(CommandMatcher.Normalize).ToList();
        foreach (var phrase in phrases)
        {
            for (var i = 0; i + phrase.Length <= normalized.Count; i++)
            {
                if (!phrase.Select((w, j) => normalized[i + j] == w).All(same => same)) continue;
                words.RemoveRange(i, phrase.Length);
                return true;
            }
        }
        return false;
    }

    /// <summary>A named brand must be one the person belongs to (or this conversation's); no name means this conversation's.</summary>
    private static async Task<Brand> BrandAsync(ConversationContext context, string name, CancellationToken cancellationToken)
    {
        if (name.Length == 0) return context.Brand;
        var wanted = CommandMatcher.Normalize(name);
        if (context.HasBrand && CommandMatcher.Normalize(context.Brand.Name) == wanted) return context.Brand;
        var userId = context.User.Id;
        var mine = await context.Db.Brands.AsNoTracking()
            .Where(b => b.Members.Any(m => m.UserId == userId))
            .ToListAsync(cancellationToken);
        return mine.FirstOrDefault(b => CommandMatcher.Normalize(b.Name) == wanted)
            ?? throw new DomainException(context.L(
                $"I don't know a brand called \"{name}\" that you are a member of.",
                $"Je ne connais pas de marque « {name} » dont vous êtes membre."));
    }
}
