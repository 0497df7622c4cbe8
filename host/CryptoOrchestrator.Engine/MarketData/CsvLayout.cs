namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>Where a CSV file keeps each part of a bar, and what its columns are called in errors.</summary>
internal sealed class CsvLayout
{
    public const int None = -1;

    public required string Description { get; init; }

    public required bool HasHeader { get; init; }

    /// <summary>Each field's name for errors: its header text, or its 1-based index when there is no header (or it is blank).</summary>
    public required IReadOnlyList<string> ColumnNames { get; init; }

    public int FieldCount => ColumnNames.Count;

    public required int Time { get; init; }

    public required int Open { get; init; }

    public required int High { get; init; }

    public required int Low { get; init; }

    public required int Close { get; init; }

    public required int Volume { get; init; }

    /// <summary>The close-time column, or <see cref="None"/> when close times are derived from the interval.</summary>
    public required int CloseTime { get; init; }
}
