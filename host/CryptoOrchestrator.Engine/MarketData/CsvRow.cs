using System.Runtime.CompilerServices;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>One split CSV line and the typed reads of its fields; every failure names the line and column.</summary>
internal readonly ref struct CsvRow
{
    private readonly ReadOnlySpan<byte> line;
    private readonly long lineNumber;
    private readonly CsvLayout layout;
    private readonly ReadOnlySpan<int> fieldEnds;
    private readonly string path;

    public CsvRow(ReadOnlySpan<byte> line, long lineNumber, CsvLayout layout, ReadOnlySpan<int> fieldEnds, string path)
    {
        this.line = line;
        this.lineNumber = lineNumber;
        this.layout = layout;
        this.fieldEnds = fieldEnds;
        this.path = path;
    }

    // Field reads are inlined into the row loop; their failure paths live in Refuse* so the
    // message formatting does not bloat every call site.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Time(int column)
    {
        var text = Field(column);
        return TimestampParser.TryParse(text, out var unixMs) ? unixMs : throw RefuseTime(column, text);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Price Price(int column)
    {
        var text = Field(column);
        return Sdk.Domain.Price.TryParse(text, out var price) ? price : throw RefuseNumber(column, text, "price");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Quantity Quantity(int column)
    {
        var text = Field(column);
        return Sdk.Domain.Quantity.TryParse(text, out var quantity) ? quantity : throw RefuseNumber(column, text, "volume");
    }

    /// <summary>Refuses a bar that cannot be a candle, naming the column that breaks it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EnsureConsistent(in Bar bar)
    {
        if (bar.Inconsistency() is not null || bar.Low.Units <= 0)
        {
            throw RefuseBar(bar);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private MarketDataFormatException RefuseTime(int column, ReadOnlySpan<byte> text)
        => Error(column, $"'{CsvFields.Show(text)}' is not a time: expected {TimestampParser.Expected}.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private MarketDataFormatException RefuseNumber(int column, ReadOnlySpan<byte> text, string what)
        => Error(column, $"'{CsvFields.Show(text)}' is not a decimal number with at most {Sdk.Domain.Price.Decimals} decimal places, so it cannot be a {what} exactly.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private MarketDataFormatException RefuseBar(in Bar bar)
    {
        var reason = bar.Inconsistency();
        return reason is not null
            ? Error(ColumnOf(reason), $"inconsistent bar: {reason} (open {bar.Open}, high {bar.High}, low {bar.Low}, close {bar.Close}, volume {bar.Volume}).")
            : Error(layout.Low, $"prices must be positive, low is {bar.Low}.");
    }

    /// <summary>Maps <see cref="Bar.Inconsistency"/>'s reason, which starts with the part it is about, to a column.</summary>
    private int ColumnOf(string reason)
    {
        if (reason.StartsWith("close time", StringComparison.Ordinal))
        {
            return layout.CloseTime;
        }

        if (reason.StartsWith("high", StringComparison.Ordinal))
        {
            return layout.High;
        }

        if (reason.StartsWith("open", StringComparison.Ordinal))
        {
            return layout.Open;
        }

        if (reason.StartsWith("close", StringComparison.Ordinal))
        {
            return layout.Close;
        }

        return reason.StartsWith("volume", StringComparison.Ordinal) ? layout.Volume : layout.Time;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Field(int column) => CsvFields.Clean(CsvFields.Field(line, fieldEnds, column));

    private MarketDataFormatException Error(int column, string reason)
        => new(path, lineNumber, column >= 0 ? layout.ColumnNames[column] : null, reason);
}
