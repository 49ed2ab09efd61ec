using CmBot.Domain.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Conversations;

/// <summary>`help`: one card listing every command in the brand's language.</summary>
public sealed class HelpCommand(IServiceProvider services) : IChatCommand
{
    public CommandInfo Info { get; } = new(["help", "aide", "?"], "`help`: what I can do", "`aide` : ce que je sais faire");

    public bool ReadsOnly => true;

    // Listed on first use, once: the commands include this one, so they cannot be resolved while it is being built.
    private readonly Lazy<(string En, string Fr)> lists = new(() => List(services.GetServices<IChatCommand>().Where(c => c.Info.ShownInHelp).Select(c => c.Info).ToList()));

    public Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var (en, fr) = lists.Value;
        var card = new Card("help", CardKind.Help, context.L("What I can do", "Ce que je sais faire"))
        {
            Subtitle = context.HasBrand ? context.Brand.Name : null,
            Text = context.L(en, fr),
        };
        return Task.FromResult<IReadOnlyList<BotReply>>([BotReply.Show(card)]);
    }

    private static (string En, string Fr) List(List<CommandInfo> shown) =>
        (string.Join("\n", shown.Select(i => "- " + i.HelpEn)), string.Join("\n", shown.Select(i => "- " + i.HelpFr)));
}
