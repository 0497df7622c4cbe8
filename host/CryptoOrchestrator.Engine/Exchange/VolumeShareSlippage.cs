using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Exchange;

/// <summary>
/// Zipline's volume-share model: the fills of one bar may take at most <see cref="VolumeLimit"/> of
/// its volume (the rest of an order waits for later bars, as partial fills), and a taker fill's price
/// moves against the trader by <see cref="PriceImpact"/> × share² × price, where share is the fraction
/// of the bar's volume taken so far, capped at the limit. A bar with no volume fills nothing.
/// </summary>
public sealed class VolumeShareSlippage : ISlippageModel
{
    /// <summary>Creates the model; zipline's defaults are a price impact of 0.1 and a volume limit of 0.025.</summary>
    public VolumeShareSlippage(decimal priceImpact, decimal volumeLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(priceImpact);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(volumeLimit);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(volumeLimit, 1m);
        PriceImpact = priceImpact;
        VolumeLimit = volumeLimit;
    }

    /// <summary>Scales the squared volume share into a price move.</summary>
    public decimal PriceImpact { get; }

    /// <summary>The largest fraction of a bar's volume the fills in it may take.</summary>
    public decimal VolumeLimit { get; }

    /// <inheritdoc />
    public Price Adjust(OrderSide side, Price reference, in Bar bar, Quantity quantity, Instrument instrument)
    {
        var price = reference.ToDecimal();
        if (bar.Volume.Units > 0)
        {
            var share = Math.Min(quantity.ToDecimal() / bar.Volume.ToDecimal(), VolumeLimit);
            var impact = PriceImpact * share * share * price;
            price = side == OrderSide.Buy ? price + impact : price - impact;
        }

        return TickRounding.AgainstTrader(side, price, instrument);
    }

    /// <inheritdoc />
    public Quantity MaxFill(in Bar bar, Quantity wanted)
    {
        if (bar.Volume.Units <= 0)
        {
            return Quantity.Zero;
        }

        var available = decimal.Round(bar.Volume.ToDecimal() * VolumeLimit, Quantity.Decimals, MidpointRounding.ToZero);
        return Quantity.Min(wanted, Quantity.FromDecimal(available));
    }
}
