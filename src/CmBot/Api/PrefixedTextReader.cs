namespace CmBot.Api;

/// <summary>
/// A line already read from a reader, then the rest of it: lets the CSV reader look at a file's first line (Excel's
/// "sep=" hint) on a stream that cannot go back. Reads fill the buffer across the seam, so CsvHelper's delimiter
/// detection sees as much text as it would on the reader alone.
/// </summary>
public sealed class PrefixedTextReader(string prefix, TextReader rest) : TextReader
{
    private int position;

    public override int Peek() => position < prefix.Length ? prefix[position] : rest.Peek();

    public override int Read() => position < prefix.Length ? prefix[position++] : rest.Read();

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var copied = CopyPrefix(buffer);
        while (copied < buffer.Length && rest.Read(buffer[copied..]) is > 0 and var read) copied += read;
        return copied;
    }

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        var copied = CopyPrefix(buffer.Span);
        while (copied < buffer.Length && await rest.ReadAsync(buffer[copied..], cancellationToken) is > 0 and var read) copied += read;
        return copied;
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

    private int CopyPrefix(Span<char> buffer)
    {
        var count = Math.Min(buffer.Length, prefix.Length - position);
        prefix.AsSpan(position, count).CopyTo(buffer);
        position += count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) rest.Dispose();
        base.Dispose(disposing);
    }
}
