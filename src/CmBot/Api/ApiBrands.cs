using CmBot.Domain.Brands;
using CmBot.Domain.Store;
using Microsoft.EntityFrameworkCore;

namespace CmBot.Api;

/// <summary>The caller's brand, loaded the way the rules need it (its team for approvals and on-duty calls, its networks).</summary>
public static class ApiBrands
{
    public static Task<Brand> LoadAsync(CmBotDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var brandId = http.Caller().BrandId;
        return db.Brands.Include(b => b.Members).Include(b => b.Networks).AsSplitQuery().FirstAsync(b => b.Id == brandId, cancellationToken);
    }
}
