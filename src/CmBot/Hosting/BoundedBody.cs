using System.Buffers;

namespace CmBot.Hosting;

/// <summary>Reads a request body into memory, up to a limit.</summary>
public static class BoundedBody
{
    /// <summary>The whole body, positioned at its start; null once it passes <paramref name="limit"/> bytes.</summary>
    public static async Task<MemoryStream?> ReadAsync(Stream body, long? length, long limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream((int)Math.Min(length ?? 4096, limit));
        // Pooled: a fresh 16 KiB chunk for every request was most of what a busy endpoint allocated.
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        buffer.Position = 0;
        return buffer;
    }
}
