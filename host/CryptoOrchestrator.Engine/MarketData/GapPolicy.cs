namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>What a reader does when consecutive bars are further apart than the series' interval.</summary>
public enum GapPolicy
{
    /// <summary>Refuse the file: a <see cref="MarketDataFormatException"/> names the line after the gap.</summary>
    Error,

    /// <summary>Keep the bars as they are and record a <see cref="DataWarning"/> per gap (bounded).</summary>
    Warn,

    /// <summary>Insert flat bars (open = high = low = close = the previous close, volume 0) for every missing interval.</summary>
    Fill,
}
