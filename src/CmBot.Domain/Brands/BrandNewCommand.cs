using CmBot.Domain.Common;
using CmBot.Domain.Conversations;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Domain.Brands;

/// <summary>`brand new <name>`: creates a brand whose admin and approver is its creator, linked here if nothing is.</summary>
public sealed class BrandNewCommand : IChatCommand
{
    public CommandInfo Info { get; } = new(["brand new", "brand create", "marque nouvelle", "marque creer"], "", "", ShownInHelp: false);

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var name = arguments.Trim();
        if (name.Length is 0 or > 100)
            throw new DomainException(context.L("Usage: `brand new <name>` (up to 100 characters).", "Usage : `marque nouvelle <nom>` (100 caractères au plus)."));
        if (await context.Db.Brands.AnyAsync(b => b.Name == name, cancellationToken))
            throw new DomainException(context.L($"A brand named {name} already exists.", $"Une marque nommée {name} existe déjà."));

        var brand = Brand.Create(name, context.Now, context.Language);
        brand.Members.Add(new BrandMember { UserId = context.User.Id, Name = context.User.Name, IsAdmin = true, IsApprover = true });
        var linked = !await BrandLinkCommand.IsLinkedAsync(context, cancellationToken);
        if (linked) brand.Channels.Add(BrandLinkCommand.ChannelHere(context));
        context.Db.Brands.Add(brand);
        await context.Db.SaveChangesAsync(cancellationToken);

        var where = linked ? context.L(" and linked to this conversation", " et liée à cette conversation") : "";
        return
        [
            BotReply.Say(context.L($"Brand {name} created{where}. You are its admin and approver.", $"Marque {name} créée{where}. Vous en êtes administrateur et approbateur.")),
            BotReply.Show(BrandCard.Build(brand)),
        ];
    }
}
