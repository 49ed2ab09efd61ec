using CmBot.Domain.Brands;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CmBot.Domain.Store;

public static class StoreModelExtensions
{
    /// <summary>A row of one brand: the database refuses an unknown brand id, and deleting a brand deletes its rows.</summary>
    public static EntityTypeBuilder<T> BelongsToBrand<T>(this EntityTypeBuilder<T> entity) where T : class
    {
        entity.HasOne<Brand>().WithMany().HasForeignKey("BrandId").OnDelete(DeleteBehavior.Cascade);
        return entity;
    }

    /// <summary>Maps a list property to a JSON text column that change tracking compares by content.</summary>
    public static PropertyBuilder<List<T>> AsJsonList<T>(this PropertyBuilder<List<T>> property) =>
        property.HasConversion(new StoreConversions.JsonList<T>(), new StoreConversions.ListComparer<T>()).IsRequired();
}
