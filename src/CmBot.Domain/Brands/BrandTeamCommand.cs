using CmBot.Domain.Common;
using CmBot.Domain.Conversations;

namespace CmBot.Domain.Brands;

/// <summary>
/// `brand approver add @Bob`, `brand admin remove @Ana`, `brand onduty add me`: who holds which role. Admins only;
/// one instance per role, so the phrase typed names the role.
/// </summary>
public sealed class BrandTeamCommand(BrandRole role) : IChatCommand
{
    private static readonly string[] AddWords = ["add", "ajouter"];
    private static readonly string[] RemoveWords = ["remove", "retirer", "enlever"];
    private static readonly string[] SelfWords = ["me", "moi"];

    public CommandInfo Info { get; } = role switch
    {
        BrandRole.Approver => new(["brand approver", "marque approbateur"], "", "", ShownInHelp: false),
        BrandRole.Admin => new(["brand admin", "marque admin"], "", "", ShownInHelp: false),
        _ => new(["brand onduty", "brand duty", "marque astreinte"], "", "", ShownInHelp: false),
    };

    public async Task<IReadOnlyList<BotReply>> RunAsync(ConversationContext context, string arguments, CancellationToken cancellationToken)
    {
        var brand = context.Brand;
        BrandAccess.RequireAdmin(context, brand);
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(CommandMatcher.Normalize).ToArray();
        var adding = words.Intersect(AddWords).Any();
        if (!adding && !words.Intersect(RemoveWords).Any())
            throw new DomainException(context.L($"Usage: `{Info.Phrases[0]} add|remove @someone` (or `me`).",
                $"Usage : `{Info.Phrases[^1]} ajouter|retirer @quelqu'un` (ou `moi`)."));
        var person = context.Input.Mentions.FirstOrDefault() ?? (words.Intersect(SelfWords).Any() ? context.User : null)
            ?? throw new DomainException(context.L("Mention the person (@name), or say `me`.", "Mentionnez la personne (@nom), ou dites `moi`."));

        var member = brand.Member(person.Id);
        if (member is null && !adding) return [BotReply.Show(BrandCard.Build(brand))];
        if (member is null)
        {
            member = new BrandMember { UserId = person.Id, Name = person.Name };
            brand.Members.Add(member);
        }
        if (!adding && role == BrandRole.Admin && member.IsAdmin && brand.Members.Count(m => m.IsAdmin) == 1)
            throw new DomainException(context.L("A brand keeps at least one admin.", "Une marque garde au moins un administrateur."));
        Set(member, adding);
        await context.Db.SaveChangesAsync(cancellationToken);
        return [BotReply.Show(BrandCard.Build(brand))];
    }

    private void Set(BrandMember member, bool value)
    {
        switch (role)
        {
            case BrandRole.Approver: member.IsApprover = value; break;
            case BrandRole.Admin: member.IsAdmin = value; break;
            default: member.IsOnDuty = value; break;
        }
    }
}
