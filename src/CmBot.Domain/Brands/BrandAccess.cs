using CmBot.Domain.Common;
using CmBot.Domain.Conversations;

namespace CmBot.Domain.Brands;

/// <summary>Who may change a brand's settings: its admins only.</summary>
public static class BrandAccess
{
    public static void RequireAdmin(ConversationContext context, Brand brand)
    {
        if (!brand.IsAdmin(context.User.Id))
            throw new DomainException(context.L(
                $"Only {brand.Name}'s admins can change its settings.",
                $"Seuls les administrateurs de {brand.Name} peuvent modifier ses réglages."));
    }
}
