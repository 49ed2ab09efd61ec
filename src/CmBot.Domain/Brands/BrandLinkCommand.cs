using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Brands;

/// <summary>`brand link <name>`: from now on this conversation serves that brand. Its admins only.</summary>
public sealed class BrandLinkCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["brand link", "marque lier"], "", "", ShownInHelp: false);

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var name = arguments.Trim();
        var brand = await context.Db.Brands.Include(b => b.Members).FirstOrDefaultAsync(b => b.Name == name, cancellationToken)
            ?? throw new DomainException(context.L($"I know no brand named '{name}'. Usage: `brand link <name>`.", $"Je ne connais aucune marque nommée « {name} ». Usage : `marque lier <nom>`."));
        BrandAccess.RequireAdmin(context, brand);

        var here = await context.Db.BrandChannels.FirstOrDefaultAsync(
            c => c.Channel == context.Input.Where.Channel && c.ConversationId == context.Input.Where.ConversationId, cancellationToken);
        if (here is not null && here.BrandId != brand.Id)
        {
            // Moving a conversation takes it away from another brand: that brand's admins must agree.
            BrandAccess.RequireAdmin(context, await context.Db.Brands.Include(b => b.Members).FirstAsync(b => b.Id == here.BrandId, cancellationToken));
            context.Db.BrandChannels.Remove(here);
        }
        if (here?.BrandId != brand.Id) context.Db.BrandChannels.Add(ChannelHere(context, brand.Id));
        await context.Db.SaveChangesAsync(cancellationToken);
        return [BotReply.Say(context.L($"This conversation now serves {brand.Name}: its cards will be posted here.",
            $"Cette conversation sert désormais {brand.Name} : ses cartes seront publiées ici."))];
    }

    public static Task<bool> IsLinkedAsync(ConversationContext context, CancellationToken cancellationToken) =>
        context.Db.BrandChannels.AnyAsync(
            c => c.Channel == context.Input.Where.Channel && c.ConversationId == context.Input.Where.ConversationId, cancellationToken);

    public static BrandChannel ChannelHere(ConversationContext context, int brandId = 0) => new()
    {
        BrandId = brandId,
        Channel = context.Input.Where.Channel,
        ConversationId = context.Input.Where.ConversationId,
        LinkedAt = context.Now,
    };
}
