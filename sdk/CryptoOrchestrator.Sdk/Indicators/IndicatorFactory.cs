namespace CryptoOrchestrator.Sdk.Indicators;

/// <summary>
/// Creates indicators for a plugin. Going through the factory rather than <c>new</c> lets the
/// host see what a plugin uses (to warm it up again after a reload, for instance).
/// </summary>
public class IndicatorFactory
{
    /// <summary>Simple moving average over <paramref name="period"/> values.</summary>
    public virtual Sma Sma(int period) => new(period);
}
