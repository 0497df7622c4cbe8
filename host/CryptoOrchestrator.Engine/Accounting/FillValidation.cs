using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Accounting;

/// <summary>Refuses a fill the accounting cannot book exactly, naming the order, instrument and field.</summary>
internal static class FillValidation
{
    public static void Check(in Fill fill, Instrument instrument)
    {
        if (fill.Side is not (OrderSide.Buy or OrderSide.Sell))
        {
            throw Invalid(fill, instrument, $"side {fill.Side} is neither Buy nor Sell");
        }

        if (fill.Quantity.Units <= 0)
        {
            throw Invalid(fill, instrument, $"quantity {fill.Quantity} must be positive");
        }

        if (fill.Price.Units <= 0)
        {
            throw Invalid(fill, instrument, $"price {fill.Price} must be positive");
        }

        if (!fill.Quantity.IsMultipleOf(instrument.LotSize))
        {
            throw Invalid(fill, instrument, $"quantity {fill.Quantity} is not a multiple of the lot size {instrument.LotSize}");
        }

        if (!fill.Price.IsMultipleOf(instrument.TickSize))
        {
            throw Invalid(fill, instrument, $"price {fill.Price} is not a multiple of the tick size {instrument.TickSize}");
        }

        var feeInQuote = string.Equals(fill.FeeAsset, instrument.QuoteAsset, StringComparison.OrdinalIgnoreCase);
        var noFee = fill.Fee == 0m && string.IsNullOrEmpty(fill.FeeAsset);
        if (!feeInQuote && !noFee)
        {
            throw Invalid(
                fill,
                instrument,
                $"fee asset '{fill.FeeAsset}' is not the quote asset {instrument.QuoteAsset}; fees are only booked in the quote asset");
        }
    }

    private static ArgumentException Invalid(in Fill fill, Instrument instrument, string problem) =>
        new($"Fill of order {fill.OrderId} in {instrument.Symbol}: {problem}.", nameof(fill));
}
