using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Exchange;

/// <summary>Worsens every taker fill by a fixed number of basis points of the reference price; no volume limit.</summary>
public sealed class FixedBpsSlippage : ISlippageModel
{
    private readonly decimal _fraction;

    /// <summary>Creates the model; <paramref name="bps"/> is in basis points (1 = 0.01%) and must not be negative.</summary>
    public FixedBpsSlippage(decimal bps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bps);
        Bps = bps;
        _fraction = bps / 10_000m;
    }

    /// <summary>The adverse move in basis points.</summary>
    public decimal Bps { get; }

    /// <inheritdoc />
    public Price Adjust(OrderSide side, Price reference, in Bar bar, Quantity quantity, Instrument instrument)
    {
        var price = reference.ToDecimal();
        var move = price * _fraction;
        return TickRounding.AgainstTrader(side, side == OrderSide.Buy ? price + move : price - move, instrument);
    }

    /// <inheritdoc />
    public Quantity MaxFill(in Bar bar, Quantity wanted) => wanted;
}
