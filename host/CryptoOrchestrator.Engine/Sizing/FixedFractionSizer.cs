using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Sizing;

/// <summary>
/// Commits a fixed fraction of equity: fraction 1.0 at full exposure buys (or shorts) as many
/// whole lots as all the equity pays for, the taker fee included, so the fill never overdraws cash.
/// </summary>
public sealed class FixedFractionSizer : IPositionSizer
{
    /// <summary>Creates a sizer committing <paramref name="fraction"/> of equity (0 &lt; fraction ≤ 10).</summary>
    public FixedFractionSizer(decimal fraction)
    {
        if (fraction <= 0 || fraction > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The equity fraction must be in (0, 10].");
        }

        Fraction = fraction;
    }

    /// <summary>Share of equity committed at full exposure.</summary>
    public decimal Fraction { get; }

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = BuiltInPlugin.Describe(
        "fixed-fraction", PluginKind.PositionSizer, "Commits a fixed fraction of equity at full exposure.");

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        // Configured by its constructor.
    }

    /// <inheritdoc />
    public Quantity TargetPosition(in SizingRequest request)
    {
        var budget = request.Equity * Fraction * (decimal)Math.Abs(request.TargetExposure);
        var lots = SizingMath.LotsAffordable(request.Instrument, budget, request.ReferencePrice, request.TakerFeeRate);
        return SizingMath.Signed(lots, request.TargetExposure);
    }
}
