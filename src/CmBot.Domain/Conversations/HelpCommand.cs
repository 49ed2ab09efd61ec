using CmBot.Domain.Cards;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Conversations;

/// <summary>`help`: one card listing every command in the brand's language.</summary>
public sealed class HelpCommand(IServiceProvider services) : IChatCommand
{
    public CommandInfo Info { get; } = new(["help", "aide", "?"], "`help`: what I can do", "`aide` : ce que je sais faire");

    public bool ReadsOnly => true;

    public Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var lines = services.GetServices<IChatCommand>()
            .Where(c => c.Info.ShownInHelp)
            .Select(c => context.L(c.Info.HelpEn, c.Info.HelpFr));
        var card = new Card("help", CardKind.Help, context.L("What I can do", "Ce que je sais faire"))
        {
            Subtitle = context.HasBrand ? context.Brand.Name : null,
            Text = string.Join("\n", lines.Select(l => "- " + l)),
        };
        return Task.FromResult<IReadOnlyList<BotReply>>([BotReply.Show(card)]);
    }
}
