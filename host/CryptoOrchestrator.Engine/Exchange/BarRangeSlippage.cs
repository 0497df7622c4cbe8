using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Exchange;

/// <summary>
/// Worsens every taker fill by a fraction of the bar's high-low range: wide, volatile bars cost
/// more to trade in, as they do in practice. No volume limit.
/// </summary>
public sealed class BarRangeSlippage : ISlippageModel
{
    /// <summary>Creates the model; <paramref name="fraction"/> of the range, from 0 to 1.</summary>
    public BarRangeSlippage(decimal fraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1m);
        Fraction = fraction;
    }

    /// <summary>The share of the high-low range a taker fill gives up.</summary>
    public decimal Fraction { get; }

    /// <inheritdoc />
    public Price Adjust(OrderSide side, Price reference, in Bar bar, Quantity quantity, Instrument instrument)
    {
        var move = (bar.High - bar.Low).ToDecimal() * Fraction;
        var price = reference.ToDecimal();
        return TickRounding.AgainstTrader(side, side == OrderSide.Buy ? price + move : price - move, instrument);
    }

    /// <inheritdoc />
    public Quantity MaxFill(in Bar bar, Quantity wanted) => wanted;
}
