using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Exchange;

/// <summary>
/// How the simulated exchange worsens taker fill prices and limits how much can fill per bar.
/// Implementations are called on the per-bar hot path and must not allocate.
/// </summary>
public interface ISlippageModel
{
    /// <summary>
    /// The fill price for a taker fill at <paramref name="reference"/>: higher for a buy, lower for a
    /// sell, on the instrument's tick (rounded against the trader). <paramref name="quantity"/> is the
    /// bar volume the instrument's fills have taken so far in <paramref name="bar"/>, this fill included.
    /// </summary>
    Price Adjust(OrderSide side, Price reference, in Bar bar, Quantity quantity, Instrument instrument);

    /// <summary>How much of <paramref name="wanted"/> (the bar volume fills would take in all) the bar can supply.</summary>
    Quantity MaxFill(in Bar bar, Quantity wanted);
}
