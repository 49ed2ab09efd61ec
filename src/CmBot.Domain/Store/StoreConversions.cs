using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CmBot.Domain.Store;

/// <summary>Column shapes shared by every provider, so one hand-written migration fits SQLite and PostgreSQL.</summary>
public static class StoreConversions
{
    /// <summary>
    /// Instants are stored as Unix milliseconds (UTC): SQLite cannot order or compare DateTimeOffset text,
    /// and a number sorts the same everywhere.
    /// </summary>
    public sealed class UtcMilliseconds() : ValueConverter<DateTimeOffset, long>(
        v => v.ToUnixTimeMilliseconds(),
        v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    /// <summary>A short list kept in one column as JSON text.</summary>
    public sealed class JsonList<T>() : ValueConverter<List<T>, string>(
        v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
        v => JsonSerializer.Deserialize<List<T>>(v, (JsonSerializerOptions?)null) ?? new List<T>());

    public sealed class ListComparer<T>() : ValueComparer<List<T>>(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        v => v.ToList());
}
