using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Sizing;

/// <summary>
/// Sizes so the position's annualised volatility matches a target: the committed share of
/// equity is target ÷ (per-bar volatility × √periods per year), capped at a maximum leverage.
/// Holds nothing until the volatility window has filled, rather than guessing.
/// </summary>
public sealed class VolatilityTargetSizer : IPositionSizer
{
    /// <summary>Creates a sizer aiming at <paramref name="annualVolatility"/> (0.2 = 20 % a year).</summary>
    public VolatilityTargetSizer(double annualVolatility, decimal maxLeverage = 1m)
    {
        if (!(annualVolatility > 0 && double.IsFinite(annualVolatility)))
        {
            throw new ArgumentOutOfRangeException(nameof(annualVolatility), annualVolatility, "The volatility target must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLeverage);
        AnnualVolatility = annualVolatility;
        MaxLeverage = maxLeverage;
    }

    /// <summary>The annualised volatility aimed at.</summary>
    public double AnnualVolatility { get; }

    /// <summary>The largest share of equity ever committed.</summary>
    public decimal MaxLeverage { get; }

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = BuiltInPlugin.Describe(
        "volatility-target", PluginKind.PositionSizer, "Sizes positions to a target annualised volatility.");

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        // Configured by its constructor.
    }

    /// <inheritdoc />
    public Quantity TargetPosition(in SizingRequest request)
    {
        var annualised = request.Volatility * Math.Sqrt(request.PeriodsPerYear);
        if (!(annualised > 0) || request.TargetExposure == 0)
        {
            return Quantity.Zero;
        }

        var leverage = Math.Min(MaxLeverage, (decimal)(AnnualVolatility / annualised));
        var budget = request.Equity * leverage * (decimal)Math.Abs(request.TargetExposure);
        var lots = SizingMath.LotsAffordable(request.Instrument, budget, request.ReferencePrice, request.TakerFeeRate);
        return SizingMath.Signed(lots, request.TargetExposure);
    }
}
