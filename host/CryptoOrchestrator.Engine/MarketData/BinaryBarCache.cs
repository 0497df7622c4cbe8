using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>
/// A compact binary file of one series, loaded with one read straight into the bar array.
/// </summary>
/// <remarks>
/// Layout, little-endian: a 72-byte header — magic "COBARS" 0x1A 0x0A (8), version (int32),
/// bar size 56 (int32), bar count (int64), interval ms (int64), source CSV length (int64, -1 when
/// none), source last write UTC ticks (int64), requested interval ms (int64, 0 = detected), gap
/// policy (int32, -1 when none), symbol byte count (int32), warnings byte count (int32), reserved
/// (int32) — then the UTF-8 symbol, the warnings (count, then path, line, message each), and the
/// raw <see cref="Bar"/> structs. The file length must equal exactly what the header adds up to.
/// </remarks>
public static class BinaryBarCache
{
    /// <summary>The extension of cache files.</summary>
    public const string FileExtension = ".cobars";

    /// <summary>The format version this code writes and reads.</summary>
    public const int Version = 1;

    internal const int HeaderSize = 72;

    private const int MaxSymbolBytes = 1024;
    private const int MaxWarningBytes = 16 << 20;

    private static readonly int BarSize = Unsafe.SizeOf<Bar>();

    // Bars moved in one call: AsBytes over more than 2 GB would overflow a span's length.
    private static readonly int BarsPerRead = (1 << 30) / BarSize;

    // "COBARS" then 0x1A 0x0A: a file mangled by text-mode line-ending conversion no longer matches.
    private static ReadOnlySpan<byte> Magic => "COBARS\u001A\n"u8;

    /// <summary>Writes <paramref name="series"/> to <paramref name="path"/>, replacing any file there in one move.</summary>
    public static void Write(string path, BarSeries series) => Write(path, series, BarCacheSource.None);

    /// <summary>
    /// Reads a cache written by <see cref="Write(string, BarSeries)"/>. Throws
    /// <see cref="MarketDataFormatException"/> (naming the field) for a file that is not a cache,
    /// has another version, is truncated or corrupt, or holds another symbol than <paramref name="instrument"/>'s.
    /// </summary>
    public static BarSeries Read(string path, Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return ReadIf(path, instrument, static _ => true)!;
    }

    internal static void Write(string path, BarSeries series, BarCacheSource source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(series);
        EnsureLittleEndian();
        var symbol = Encoding.UTF8.GetBytes(series.Instrument.Symbol);
        var warnings = EncodeWarnings(series.Warnings);
        Span<byte> header = stackalloc byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], BarSize);
        BinaryPrimitives.WriteInt64LittleEndian(header[16..], series.Count);
        BinaryPrimitives.WriteInt64LittleEndian(header[24..], series.IntervalMs);
        BinaryPrimitives.WriteInt64LittleEndian(header[32..], source.Length);
        BinaryPrimitives.WriteInt64LittleEndian(header[40..], source.LastWriteUtcTicks);
        BinaryPrimitives.WriteInt64LittleEndian(header[48..], source.RequestedIntervalMs);
        BinaryPrimitives.WriteInt32LittleEndian(header[56..], source.Gaps is { } gaps ? (int)gaps : -1);
        BinaryPrimitives.WriteInt32LittleEndian(header[60..], symbol.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[64..], warnings.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[68..], 0);

        // Written under a unique name and moved into place, so no reader ever sees half a cache.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                stream.Write(header);
                stream.Write(symbol);
                stream.Write(warnings);
                var bars = series.Bars;
                for (var offset = 0; offset < bars.Length; offset += BarsPerRead)
                {
                    stream.Write(MemoryMarshal.AsBytes(bars.Slice(offset, Math.Min(BarsPerRead, bars.Length - offset))));
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Reads the cache when <paramref name="wanted"/> accepts its header, else returns null.
    /// With no <paramref name="instrument"/>, the bars get <see cref="Instrument.Spot(string)"/> of the stored symbol.
    /// </summary>
    internal static BarSeries? ReadIf(string path, Instrument? instrument, Func<BarCacheHeader, bool> wanted)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        EnsureLittleEndian();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        var header = ReadHeader(stream, path);
        if (!wanted(header))
        {
            return null;
        }

        if (instrument is not null && !string.Equals(header.Symbol, instrument.Symbol, StringComparison.Ordinal))
        {
            throw Corrupt(path, "symbol", $"the cache holds bars of {header.Symbol}, not {instrument.Symbol}.");
        }

        var bars = GC.AllocateUninitializedArray<Bar>(header.Count);
        try
        {
            for (var offset = 0; offset < bars.Length; offset += BarsPerRead)
            {
                stream.ReadExactly(MemoryMarshal.AsBytes(bars.AsSpan(offset, Math.Min(BarsPerRead, bars.Length - offset))));
            }
        }
        catch (EndOfStreamException e)
        {
            throw new MarketDataFormatException(path, 0, "bars", "the cache is truncated: it ends inside the bars.", e);
        }

        try
        {
            return new BarSeries(instrument ?? Instrument.Spot(header.Symbol), bars, bars.Length, header.IntervalMs, header.Warnings);
        }
        catch (ArgumentException e)
        {
            throw new MarketDataFormatException(path, 0, "bars", $"the cache is corrupt: {e.Message}", e);
        }
    }

    private static BarCacheHeader ReadHeader(FileStream stream, string path)
    {
        var length = stream.Length;
        if (length < HeaderSize)
        {
            throw Corrupt(path, "header", $"the file is {length} bytes, too short for a bar cache's {HeaderSize}-byte header (truncated, or not a cache).");
        }

        Span<byte> header = stackalloc byte[HeaderSize];
        stream.ReadExactly(header);
        if (!header[..Magic.Length].SequenceEqual(Magic))
        {
            throw Corrupt(path, "magic", $"the file does not start with the bar cache signature; it is not a {FileExtension} file or it is corrupt.");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (version != Version)
        {
            throw Corrupt(path, "version", $"the cache is format version {version}; this reader understands version {Version}. Delete it to rebuild it.");
        }

        var barSize = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        if (barSize != BarSize)
        {
            throw Corrupt(path, "barSize", $"the cache stores {barSize}-byte bars; this build's bars are {BarSize} bytes.");
        }

        var count = BinaryPrimitives.ReadInt64LittleEndian(header[16..]);
        var intervalMs = BinaryPrimitives.ReadInt64LittleEndian(header[24..]);
        var gaps = BinaryPrimitives.ReadInt32LittleEndian(header[56..]);
        var symbolBytes = BinaryPrimitives.ReadInt32LittleEndian(header[60..]);
        var warningBytes = BinaryPrimitives.ReadInt32LittleEndian(header[64..]);
        RequireInRange(path, "count", count, 0, Array.MaxLength);
        RequireInRange(path, "interval", intervalMs, 0, long.MaxValue);
        RequireInRange(path, "gaps", gaps, -1, (long)GapPolicy.Fill);
        RequireInRange(path, "symbolLength", symbolBytes, 1, MaxSymbolBytes);
        RequireInRange(path, "warningsLength", warningBytes, 0, MaxWarningBytes);
        var barsOffset = (long)HeaderSize + symbolBytes + warningBytes;
        var expected = barsOffset + (count * BarSize);
        if (length != expected)
        {
            var problem = length < expected ? "truncated" : "corrupt";
            throw Corrupt(path, "length", $"the cache is {problem}: it is {length} bytes, its header promises {expected} ({count} bars).");
        }

        var rest = new byte[symbolBytes + warningBytes];
        stream.ReadExactly(rest);
        var source = new BarCacheSource(
            BinaryPrimitives.ReadInt64LittleEndian(header[32..]),
            BinaryPrimitives.ReadInt64LittleEndian(header[40..]),
            gaps < 0 ? null : (GapPolicy)gaps,
            BinaryPrimitives.ReadInt64LittleEndian(header[48..]));
        return new BarCacheHeader(
            DecodeSymbol(rest.AsSpan(0, symbolBytes), path),
            (int)count,
            intervalMs,
            source,
            DecodeWarnings(rest.AsSpan(symbolBytes), path));
    }

    private static string DecodeSymbol(ReadOnlySpan<byte> bytes, string path)
    {
        try
        {
            var symbol = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return string.IsNullOrWhiteSpace(symbol) ? throw Corrupt(path, "symbol", "the stored symbol is blank.") : symbol;
        }
        catch (DecoderFallbackException e)
        {
            throw new MarketDataFormatException(path, 0, "symbol", "the stored symbol is not valid UTF-8; the cache is corrupt.", e);
        }
    }

    private static byte[] EncodeWarnings(IReadOnlyList<DataWarning> warnings)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(warnings.Count);
            foreach (var warning in warnings)
            {
                writer.Write(warning.FilePath);
                writer.Write(warning.Line);
                writer.Write(warning.Message);
            }
        }

        return buffer.ToArray();
    }

    private static List<DataWarning> DecodeWarnings(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.IsEmpty)
        {
            return [];
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes.ToArray()), new UTF8Encoding(false, throwOnInvalidBytes: true));
            var count = reader.ReadInt32();
            RequireInRange(path, "warnings", count, 0, bytes.Length);
            var warnings = new List<DataWarning>(count);
            for (var i = 0; i < count; i++)
            {
                warnings.Add(new DataWarning(reader.ReadString(), reader.ReadInt64(), reader.ReadString()));
            }

            return warnings;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or DecoderFallbackException)
        {
            throw new MarketDataFormatException(path, 0, "warnings", "the stored warnings cannot be decoded; the cache is corrupt.", e);
        }
    }

    private static void RequireInRange(string path, string field, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            throw Corrupt(path, field, $"the stored {field} is {value}, outside [{min}, {max}]; the cache is corrupt.");
        }
    }

    private static MarketDataFormatException Corrupt(string path, string field, string reason) => new(path, 0, field, reason);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write already failed; that error is the one worth reporting.
        }
    }

    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Bar caches store raw little-endian bars; this machine is big-endian.");
        }
    }
}
