using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Api;

/// <summary>`GET /api/brands`: the brand the key belongs to (a key sees one brand, never another).</summary>
public static class BrandsApi
{
    public sealed record BrandView(int Id, string Name, string TimeZone, string Language, int ReplyDeadlineMinutes, IReadOnlyList<string> Networks);

    public static void MapBrandsApi(this RouteGroupBuilder api) =>
        api.MapGet("/brands", async (HttpContext http, CmBotDb db, CancellationToken cancellationToken) =>
        {
            var brandId = http.Caller().BrandId;
            var brands = await db.Brands.AsNoTracking().Include(b => b.Networks).Where(b => b.Id == brandId).ToListAsync(cancellationToken);
            return TypedResults.Ok(brands.Select(b => new BrandView(b.Id, b.Name, b.TimeZoneId, b.Language.ToString().ToLowerInvariant(),
                b.ReplyDeadlineMinutes, b.Networks.Select(n => n.Network.ToString()).Order().ToList())).ToList());
        }).WithName("ListBrands").WithTags("Brands");
}
