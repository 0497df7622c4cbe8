using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Risk;

/// <summary>
/// Caps the absolute position in any instrument: an order that would pass the cap is cut to
/// what fits ("max-position"), or rejected when nothing fits.
/// </summary>
public sealed class MaxPositionRule : IRiskRule
{
    /// <summary>Creates the rule with the largest absolute position allowed.</summary>
    public MaxPositionRule(Quantity maxAbsolutePosition)
    {
        if (maxAbsolutePosition.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAbsolutePosition), maxAbsolutePosition, "The cap cannot be negative.");
        }

        MaxAbsolutePosition = maxAbsolutePosition;
    }

    /// <summary>The largest absolute position allowed.</summary>
    public Quantity MaxAbsolutePosition { get; }

    /// <summary>The reason code for resizes and rejections.</summary>
    public const string ReasonCode = "max-position";

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = BuiltInPlugin.Describe(
        "max-position", PluginKind.RiskRule, "Caps the absolute position per instrument.");

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        // Configured by its constructor.
    }

    /// <inheritdoc />
    public RiskDecision Evaluate(in OrderRequest order, IPortfolioView portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var held = portfolio.GetPosition(order.Instrument).Quantity;
        var signed = order.Side == OrderSide.Buy ? order.Quantity : -order.Quantity;
        var after = held + signed;
        if (after.Abs() <= MaxAbsolutePosition)
        {
            return RiskDecision.Approve();
        }

        // Room left in the order's direction; an order that reduces the position first gets that part for free.
        var room = order.Side == OrderSide.Buy ? MaxAbsolutePosition - held : MaxAbsolutePosition + held;
        var fits = order.Instrument.RoundQuantity(Quantity.Min(room, order.Quantity), MidpointRounding.ToZero);
        return fits.Units > 0 ? RiskDecision.Resize(fits, ReasonCode) : RiskDecision.Reject(ReasonCode);
    }
}
