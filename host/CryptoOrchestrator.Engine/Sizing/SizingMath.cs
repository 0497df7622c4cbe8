using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Sizing;

/// <summary>The conversions every sizer shares: value to whole lots, direction from exposure.</summary>
internal static class SizingMath
{
    /// <summary>
    /// The most lots of <paramref name="instrument"/> that <paramref name="budget"/> buys at
    /// <paramref name="price"/> with the taker fee paid on top; zero when that is under the minimum notional.
    /// </summary>
    public static Quantity LotsAffordable(Instrument instrument, decimal budget, Price price, decimal feeRate)
    {
        if (budget <= 0 || price.Units <= 0)
        {
            return Quantity.Zero;
        }

        var units = budget / (price.ToDecimal() * (1 + feeRate));
        var quantity = Quantity.FromDecimal(decimal.Round(units, Quantity.Decimals, MidpointRounding.ToZero));
        var lots = instrument.RoundQuantity(quantity, MidpointRounding.ToZero);
        return instrument.MeetsMinNotional(price, lots) ? lots : Quantity.Zero;
    }

    /// <summary>Gives <paramref name="magnitude"/> the sign of <paramref name="exposure"/>.</summary>
    public static Quantity Signed(Quantity magnitude, double exposure) => exposure < 0 ? -magnitude : magnitude;
}
