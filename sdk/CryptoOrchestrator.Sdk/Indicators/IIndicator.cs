namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// A streaming indicator: fed one value at a time, O(1) work and no allocation per update.
/// Indicators compute in <see cref="double"/>: they are statistics, never order prices.
/// </summary>
public interface IIndicator
{
    /// <summary>True once enough input has arrived for <see cref="Value"/> to mean something.</summary>
    bool IsReady { get; }

    /// <summary>The latest value; <see cref="double.NaN"/> until <see cref="IsReady"/>.</summary>
    double Value { get; }

    /// <summary>How many updates it takes to become ready.</summary>
    int WarmupPeriod { get; }

    /// <summary>Forgets all input, as if just created.</summary>
    void Reset();
}
