using Microsoft.Extensions.DependencyInjection;

namespace CmBot.Domain.Brands;

public static class BrandsModule
{
    /// <summary>Registers this feature's commands, card action handlers and dialogs.</summary>
    public static IServiceCollection AddBrands(this IServiceCollection services) => services;
}
