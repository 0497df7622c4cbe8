using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace Co.RiskRule1;

/// <summary>
/// Caps what one order can do: the absolute position it may leave in its instrument
/// (<c>max-position</c>, in base-asset units) and its notional (<c>max-order-notional</c>, in
/// quote-asset units). An order over a cap is cut to what fits, on the instrument's lot; one of
/// which nothing fits is rejected. The reason code names the cap.
/// </summary>
public sealed class Co_RiskRule1Rule : IRiskRule
{
    /// <summary>Reason code of a cut or rejection by the position cap.</summary>
    public const string MaxPosition = "max-position";

    /// <summary>Reason code of a cut or rejection by the notional cap.</summary>
    public const string MaxOrderNotional = "max-order-notional";

    /// <summary>Reason code of a market order placed before any price is known, whose notional cannot be checked.</summary>
    public const string NoPrice = "no-price";

    private Quantity _maxPosition;
    private decimal _maxOrderNotional;

    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = new()
    {
        Id = "co-plugin-id",
        Version = "1.0.0",
        Kind = PluginKind.RiskRule,
        SdkVersionRange = "[__CO_SDK_VERSION__, 1.0.0)",
        Description = "Caps the position an order may leave and the notional of each order.",
        Parameters =
        [
            ParameterDefinition.Decimal("max-position", 1m, minimum: 0m, maximum: 1_000_000m, step: 0.1m, description: "Largest absolute position per instrument, in base-asset units."),
            ParameterDefinition.Decimal("max-order-notional", 50_000m, minimum: 0m, maximum: 100_000_000m, step: 1_000m, description: "Largest notional of one order, in quote-asset units."),
        ],
    };

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _maxPosition = Quantity.FromDecimal(context.Parameters.GetDecimal("max-position"));
        _maxOrderNotional = context.Parameters.GetDecimal("max-order-notional");
    }

    /// <inheritdoc />
    public RiskDecision Evaluate(in OrderRequest order, IPortfolioView portfolio)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        var instrument = order.Instrument;
        var quantity = order.Quantity;
        string? cutBy = null;

        var held = portfolio.GetPosition(instrument).Quantity;
        var after = held + (order.Side == OrderSide.Buy ? quantity : -quantity);
        if (after.Abs() > _maxPosition)
        {
            // Room in the order's direction: an order that first reduces the position gets that part too.
            var room = order.Side == OrderSide.Buy ? _maxPosition - held : _maxPosition + held;
            quantity = instrument.RoundQuantity(Quantity.Min(room, quantity), MidpointRounding.ToZero);
            if (quantity.Units <= 0)
            {
                return RiskDecision.Reject(MaxPosition);
            }

            cutBy = MaxPosition;
        }

        var price = ReferencePrice(order, portfolio);
        if (price.IsZero)
        {
            return RiskDecision.Reject(NoPrice);
        }

        if (price.Times(quantity) > _maxOrderNotional)
        {
            var fits = decimal.Round(_maxOrderNotional / price.ToDecimal(), Quantity.Decimals, MidpointRounding.ToZero);
            quantity = instrument.RoundQuantity(Quantity.FromDecimal(fits), MidpointRounding.ToZero);
            if (quantity.Units <= 0)
            {
                return RiskDecision.Reject(MaxOrderNotional);
            }

            cutBy ??= MaxOrderNotional;
        }

        return cutBy is null ? RiskDecision.Approve() : RiskDecision.Resize(quantity, cutBy);
    }

    /// <summary>The price the order is expected to trade at: its own limit or stop, else the latest mark.</summary>
    private static Price ReferencePrice(in OrderRequest order, IPortfolioView portfolio) => order.Type switch
    {
        OrderType.Limit or OrderType.StopLimit => order.LimitPrice,
        OrderType.StopMarket => order.StopPrice,
        _ => portfolio.LastPrice(order.Instrument),
    };
}
