using CmBot.Domain.Conversations;
using CmBot.Domain.Integrations;
using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Brands;

public static class BrandsModule
{
    /// <summary>Registers the `brand` commands.</summary>
    public static IServiceCollection AddBrands(this IServiceCollection services)
    {
        services.AddSingleton<IChatCommand, BrandShowCommand>();
        services.AddSingleton<IChatCommand, BrandNewCommand>();
        services.AddSingleton<IChatCommand, BrandLinkCommand>();
        services.AddSingleton<IChatCommand, BrandSetCommand>();
        foreach (var role in Enum.GetValues<BrandRole>())
            services.AddSingleton<IChatCommand>(new BrandTeamCommand(role));
        // `brand apikey …`, `brand webhook …`, `brand meta …`: brand settings kept in Integrations.
        services.AddIntegrations();
        return services;
    }
}
