using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Testing.Tests.Plugins;

/// <summary>Rejects ("max-notional") an order worth more than <c>max-notional</c> at its limit price, or at the last price for a market order.</summary>
internal sealed class MaxNotionalRule : IRiskRule
{
    public const string ReasonCode = "max-notional";

    private decimal _maxNotional;

    public PluginMetadata Metadata { get; } = TestMetadata.For(
        "max-notional",
        PluginKind.RiskRule,
        ParameterDefinition.Decimal("max-notional", 1_000m, minimum: 0m));

    public void Initialize(IPluginContext context) => _maxNotional = context.Parameters.GetDecimal("max-notional");

    public RiskDecision Evaluate(in OrderRequest order, IPortfolioView portfolio)
    {
        var price = order.Type == OrderType.Limit ? order.LimitPrice : portfolio.LastPrice(order.Instrument);
        return price.Times(order.Quantity) > _maxNotional ? RiskDecision.Reject(ReasonCode) : RiskDecision.Approve();
    }
}
