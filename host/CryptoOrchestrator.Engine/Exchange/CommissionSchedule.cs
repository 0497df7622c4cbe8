using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Exchange;

/// <summary>
/// Trading fees: a rate on the notional of each fill (maker or taker) plus a fixed amount per
/// order, charged once, on the order's first fill. Rates are fractions (0.001 = 0.1%); a negative
/// maker rate is a rebate.
/// </summary>
public sealed record CommissionSchedule(decimal MakerRate, decimal TakerRate, decimal FixedPerOrder)
{
    /// <summary>Fee fraction of the notional for fills that rested on the book.</summary>
    public decimal MakerRate { get; init => field = ValidRate(value, nameof(MakerRate)); } = ValidRate(MakerRate, nameof(MakerRate));

    /// <summary>Fee fraction of the notional for fills that took liquidity.</summary>
    public decimal TakerRate { get; init => field = ValidRate(value, nameof(TakerRate)); } = ValidRate(TakerRate, nameof(TakerRate));

    /// <summary>A fixed fee in the quote asset, charged on an order's first fill only.</summary>
    public decimal FixedPerOrder { get; init => field = ValidFixed(value); } = ValidFixed(FixedPerOrder);

    /// <summary>No fees at all.</summary>
    public static CommissionSchedule None { get; } = new(0m, 0m, 0m);

    /// <summary>The same rate for makers and takers, no fixed fee.</summary>
    public static CommissionSchedule Flat(decimal rate) => new(rate, rate, 0m);

    /// <summary>
    /// The fee for one fill: notional × rate rounded UP to 10^-8, plus the fixed fee on the order's
    /// first fill. Venues never under-charge (they round in their own favour), so rounding down or
    /// to nearest would make a backtest a little richer than the account it models.
    /// </summary>
    public decimal Fee(decimal notional, Liquidity liquidity, bool firstFillOfOrder)
    {
        var rate = liquidity == Liquidity.Maker ? MakerRate : TakerRate;
        var proportional = decimal.Round(notional * rate, Price.Decimals, MidpointRounding.ToPositiveInfinity);
        return firstFillOfOrder ? proportional + FixedPerOrder : proportional;
    }

    private static decimal ValidRate(decimal rate, string name) =>
        rate is > -1m and < 1m
            ? rate
            : throw new ArgumentOutOfRangeException(name, rate, $"{name} is a fraction of the notional and must lie strictly between -1 and 1.");

    private static decimal ValidFixed(decimal fee) =>
        fee >= 0m
            ? fee
            : throw new ArgumentOutOfRangeException(nameof(FixedPerOrder), fee, "The fixed fee per order cannot be negative.");
}
