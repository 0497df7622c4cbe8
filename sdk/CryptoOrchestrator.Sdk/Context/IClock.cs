namespace CryptoOrchestrator.Sdk.Context;

/// <summary>
/// The only time a plugin may read. In a backtest it is the simulated time of the event being
/// processed, so results never depend on when the backtest runs.
/// </summary>
public interface IClock
{
    /// <summary>Now, in Unix epoch milliseconds (UTC).</summary>
    long NowMs { get; }

    /// <summary>Now, as a UTC timestamp.</summary>
    DateTimeOffset UtcNow => DateTimeOffset.FromUnixTimeMilliseconds(NowMs);
}
