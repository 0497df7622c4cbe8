using System.Runtime.CompilerServices;

namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>
/// Reads a file line by line as UTF-8 byte spans over one reusable buffer: no string per line,
/// so million-row files parse without garbage. A span stays valid until the next read.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    private const int InitialBufferSize = 1 << 20;

    private readonly FileStream stream;
    private byte[] buffer = new byte[InitialBufferSize];
    private int start;
    private int end;
    private bool endOfFile;

    public Utf8LineReader(string path)
    {
        // Unbuffered stream: the reader's own megabyte buffer is the only copy.
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        Length = stream.Length;
    }

    /// <summary>The file's length in bytes when it was opened.</summary>
    public long Length { get; }

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Returns the next line without its terminator (\n or \r\n) and without a UTF-8 byte order mark.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var pending = buffer.AsSpan(start, end - start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                start += newline + 1;
                line = Finish(pending[..newline]);
                return true;
            }

            if (endOfFile)
            {
                start = end;
                line = pending.IsEmpty ? default : Finish(pending);
                return !pending.IsEmpty;
            }

            Refill();
        }
    }

    public void Dispose() => stream.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Finish(ReadOnlySpan<byte> line)
    {
        LineNumber++;
        if (LineNumber == 1 && line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        return line.EndsWith((byte)'\r') ? line[..^1] : line;
    }

    private void Refill()
    {
        var pending = end - start;
        if (start > 0)
        {
            buffer.AsSpan(start, pending).CopyTo(buffer);
            start = 0;
            end = pending;
        }

        if (end == buffer.Length)
        {
            // A line longer than the buffer: grow rather than split it.
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            endOfFile = true;
        }

        end += read;
    }
}
