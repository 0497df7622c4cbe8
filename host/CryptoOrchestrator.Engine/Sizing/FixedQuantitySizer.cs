using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Sizing;

/// <summary>
/// Holds a fixed quantity scaled by the target exposure: exposure 1 holds <see cref="Quantity"/>,
/// 0.5 half of it (rounded down to the lot), -1 the same quantity short.
/// </summary>
public sealed class FixedQuantitySizer : IPositionSizer
{
    /// <summary>Creates a sizer holding <paramref name="quantity"/> at full exposure.</summary>
    public FixedQuantitySizer(Quantity quantity)
    {
        if (quantity.Units <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "A fixed quantity must be positive.");
        }

        Quantity = quantity;
    }

    /// <summary>The quantity held at full exposure.</summary>
    public Quantity Quantity { get; }

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = BuiltInPlugin.Describe(
        "fixed-quantity", PluginKind.PositionSizer, "Holds a fixed quantity at full exposure.");

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        // Configured by its constructor.
    }

    /// <inheritdoc />
    public Quantity TargetPosition(in SizingRequest request)
    {
        var exposure = Math.Abs(request.TargetExposure);
        if (exposure == 0)
        {
            return Quantity.Zero;
        }

        var scaled = exposure >= 1
            ? Quantity
            : Quantity.FromDecimal(decimal.Round(Quantity.ToDecimal() * (decimal)exposure, Quantity.Decimals, MidpointRounding.ToZero));
        return SizingMath.Signed(request.Instrument.RoundQuantity(scaled, MidpointRounding.ToZero), request.TargetExposure);
    }
}
