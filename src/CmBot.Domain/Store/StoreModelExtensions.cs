using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CmBot.Domain.Store;

public static class StoreModelExtensions
{
    /// <summary>Maps a list property to a JSON text column that change tracking compares by content.</summary>
    public static PropertyBuilder<List<T>> AsJsonList<T>(this PropertyBuilder<List<T>> property) =>
        property.HasConversion(new StoreConversions.JsonList<T>(), new StoreConversions.ListComparer<T>()).IsRequired();
}
