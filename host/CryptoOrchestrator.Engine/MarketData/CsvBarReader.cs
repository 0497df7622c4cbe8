using System.Runtime.CompilerServices;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>
/// Reads OHLCV bars from CSV: Binance kline files (12 columns, or the first 7, with or without a
/// header, millisecond or microsecond times) and any CSV with a header naming time, open, high,
/// low, close and volume columns. Parses UTF-8 bytes in place, one reused buffer, no string per line.
/// </summary>
public static class CsvBarReader
{
    private static readonly CsvReadOptions Defaults = new();

    /// <summary>
    /// Reads every bar of <paramref name="path"/>, detecting the layout from the first line.
    /// Throws <see cref="MarketDataFormatException"/> naming the line and column of the first problem.
    /// </summary>
    // The parsing methods are compiled fully optimized at once: a process usually reads a file
    // once, so under tiered compilation most of a large file would go through unoptimized code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static BarSeries Read(string path, CsvReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= Defaults;
        var instrument = options.Instrument ?? InstrumentFromFileName(path);
        using var reader = new Utf8LineReader(path);
        if (!TryReadContentLine(reader, out var first))
        {
            throw new MarketDataFormatException(path, 1, null, "the file is empty: no header and no bars.");
        }

        var layout = CsvLayoutDetector.Detect(first, path);
        if (layout.HasHeader && !TryReadContentLine(reader, out first))
        {
            throw new MarketDataFormatException(path, reader.LineNumber + 1, null, "the file has a header but no bars.");
        }

        var builder = new BarSeriesBuilder(
            path,
            layout.ColumnNames[layout.Time],
            options.Gaps,
            options.IntervalMs,
            EstimateBarCount(reader.Length, first.Length));
        // One slot more than the layout has, so a row with too many fields is told from a good one.
        var slots = layout.FieldCount + 1;
        Span<int> fieldEnds = slots <= 256 ? stackalloc int[slots] : new int[slots];
        builder.Add(ParseRow(first, reader.LineNumber, layout, fieldEnds, path), reader.LineNumber);
        while (TryReadContentLine(reader, out var line))
        {
            builder.Add(ParseRow(line, reader.LineNumber, layout, fieldEnds, path), reader.LineNumber);
        }

        return builder.Build(instrument, deriveCloseTimes: layout.CloseTime == CsvLayout.None);
    }

    /// <summary>
    /// The instrument a file is about when the options do not say: <see cref="Instrument.Spot(string)"/>
    /// of the file name's prefix before the first '-', or of the whole name without extension when it has none.
    /// </summary>
    public static Instrument InstrumentFromFileName(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = Path.GetFileName(path);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        var symbol = dash > 0 ? name[..dash] : Path.GetFileNameWithoutExtension(name);
        if (string.IsNullOrWhiteSpace(symbol))
        {
            throw new MarketDataFormatException(path, 0, null, "the file name does not start with a symbol (e.g. BTCUSDT-1h.csv); set CsvReadOptions.Instrument.");
        }

        return Instrument.Spot(symbol);
    }

    /// <summary>Reads the next line that is not blank; blank lines (e.g. at the end of the file) carry no bar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadContentLine(Utf8LineReader reader, out ReadOnlySpan<byte> line)
    {
        while (reader.TryReadLine(out line))
        {
            if (!CsvFields.IsBlank(line))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Sizes the bar array from the file length and the first bar's line, with an eighth to spare so it rarely grows.</summary>
    private static int EstimateBarCount(long fileLength, int firstLineLength)
    {
        var estimate = fileLength / Math.Max(firstLineLength, 8);
        return (int)Math.Min(Array.MaxLength, (estimate * 9 / 8) + 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Bar ParseRow(ReadOnlySpan<byte> line, long lineNumber, CsvLayout layout, Span<int> fieldEnds, string path)
    {
        var fieldCount = CsvFields.Split(line, fieldEnds);
        if (fieldCount != layout.FieldCount)
        {
            // Name the first column that is missing, or the first one too many.
            var column = fieldCount < layout.FieldCount
                ? layout.ColumnNames[fieldCount]
                : (layout.FieldCount + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new MarketDataFormatException(path, lineNumber, column, $"expected {layout.FieldCount} fields ({layout.Description}), found {fieldCount}.");
        }

        var row = new CsvRow(line, lineNumber, layout, fieldEnds, path);
        var openTime = row.Time(layout.Time);
        var closeTime = layout.CloseTime == CsvLayout.None ? openTime : row.Time(layout.CloseTime);
        var bar = new Bar(
            openTime,
            closeTime,
            row.Price(layout.Open),
            row.Price(layout.High),
            row.Price(layout.Low),
            row.Price(layout.Close),
            row.Quantity(layout.Volume));
        row.EnsureConsistent(bar);
        return bar;
    }
}
