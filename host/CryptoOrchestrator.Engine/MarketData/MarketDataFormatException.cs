namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>A market data file that cannot be read as bars, with the place that is wrong.</summary>
public sealed class MarketDataFormatException : Exception
{
    /// <summary>Creates the exception; the message names the file, line and column.</summary>
    public MarketDataFormatException(string filePath, long line, string? column, string reason)
        : base(Describe(filePath, line, column, reason))
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    public MarketDataFormatException(string filePath, long line, string? column, string reason, Exception innerException)
        : base(Describe(filePath, line, column, reason), innerException)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Reason = reason;
    }

    /// <summary>Creates the exception with only a message (prefer the constructors that say where).</summary>
    public MarketDataFormatException()
        : this(string.Empty, 0, null, "Invalid market data.")
    {
    }

    /// <summary>Creates the exception with only a message (prefer the constructors that say where).</summary>
    public MarketDataFormatException(string message)
        : this(string.Empty, 0, null, message)
    {
    }

    /// <summary>Creates the exception with only a message and a cause (prefer the constructors that say where).</summary>
    public MarketDataFormatException(string message, Exception innerException)
        : this(string.Empty, 0, null, message, innerException)
    {
    }

    /// <summary>The file that is wrong.</summary>
    public string FilePath { get; }

    /// <summary>1-based line of a text file; 0 for a binary file or a problem with the whole file.</summary>
    public long Line { get; }

    /// <summary>The column (its header name, or its 1-based index when the file has no header) or binary field; null when none applies.</summary>
    public string? Column { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    private static string Describe(string filePath, long line, string? column, string reason)
    {
        var where = filePath;
        if (line > 0)
        {
            where += $", line {line}";
        }

        if (column is not null)
        {
            where += $", column '{column}'";
        }

        return $"{where}: {reason}";
    }
}
