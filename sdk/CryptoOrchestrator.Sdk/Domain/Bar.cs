namespace CryptoOrchestrator.Sdk.Domain;

/// <summary>
/// One OHLCV candle. Times are Unix epoch milliseconds (UTC), as exchanges publish them;
/// <see cref="CloseTime"/> is the last millisecond the bar covers. A 56-byte value type so a
/// series of bars is one contiguous array the engine walks without allocating.
/// </summary>
/// <param name="OpenTime">First millisecond of the bar.</param>
/// <param name="CloseTime">Last millisecond of the bar.</param>
/// <param name="Open">First traded price.</param>
/// <param name="High">Highest traded price.</param>
/// <param name="Low">Lowest traded price.</param>
/// <param name="Close">Last traded price.</param>
/// <param name="Volume">Base-asset volume traded.</param>
public readonly record struct Bar(long OpenTime, long CloseTime, Price Open, Price High, Price Low, Price Close, Quantity Volume)
{
    /// <summary>The open time as a UTC timestamp.</summary>
    public DateTimeOffset OpenTimeUtc => DateTimeOffset.FromUnixTimeMilliseconds(OpenTime);

    /// <summary>The close time as a UTC timestamp.</summary>
    public DateTimeOffset CloseTimeUtc => DateTimeOffset.FromUnixTimeMilliseconds(CloseTime);

    /// <summary>
    /// Why the bar is not a possible candle (high below low, open or close outside the range,
    /// negative volume, close time before open time), or null when it is.
    /// </summary>
    public string? Inconsistency()
    {
        if (High < Low)
        {
            return "high is below low";
        }

        if (Open > High || Open < Low)
        {
            return "open is outside [low, high]";
        }

        if (Close > High || Close < Low)
        {
            return "close is outside [low, high]";
        }

        if (Volume.IsNegative)
        {
            return "volume is negative";
        }

        return CloseTime < OpenTime ? "close time is before open time" : null;
    }
}
