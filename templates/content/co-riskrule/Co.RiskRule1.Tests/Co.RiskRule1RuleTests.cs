using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using CryptoOrchestrator.Sdk.Testing;

namespace Co.RiskRule1.Tests;

public class Co_RiskRule1RuleTests
{
    // Lot 0.00001: quantities are cut down to five decimal places.
    private static readonly Instrument Btc = new("BTCUSDT", "BTC", "USDT", Price.FromDecimal(0.01m), Quantity.FromDecimal(0.00001m), minNotional: 5m);

    private static OrderRequest LimitBuy(decimal quantity, decimal price) =>
        OrderRequest.Limit(Btc, OrderSide.Buy, Quantity.FromDecimal(quantity), Price.FromDecimal(price));

    private static RiskRuleHarness Rule(decimal maxPosition = 1m, decimal maxOrderNotional = 50_000m) =>
        new(new Co_RiskRule1Rule(), new Dictionary<string, string>
        {
            ["max-position"] = maxPosition.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["max-order-notional"] = maxOrderNotional.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    [Fact]
    public void OrderWithinBothCaps_IsApproved()
    {
        var decision = Rule().Evaluate(LimitBuy(0.5m, 100m));

        Assert.Equal(RiskDecisionKind.Approve, decision.Kind);
        Assert.Null(decision.ReasonCode);
    }

    [Fact]
    public void OrderPastThePositionCap_IsCutToWhatFits()
    {
        var harness = Rule();
        harness.Portfolio.SetPosition(Btc, 0.8m, averagePrice: 100m);

        var decision = harness.Evaluate(LimitBuy(0.5m, 100m));

        Assert.Equal(RiskDecisionKind.Resize, decision.Kind);
        Assert.Equal(Quantity.FromDecimal(0.2m), decision.Quantity);
        Assert.Equal(Co_RiskRule1Rule.MaxPosition, decision.ReasonCode);
    }

    [Fact]
    public void OrderAddingToAFullPosition_IsRejected()
    {
        var harness = Rule();
        harness.Portfolio.SetPosition(Btc, 1m, averagePrice: 100m);

        var decision = harness.Evaluate(LimitBuy(0.1m, 100m));

        Assert.Equal(RiskDecisionKind.Reject, decision.Kind);
        Assert.Equal(Co_RiskRule1Rule.MaxPosition, decision.ReasonCode);
    }

    [Fact]
    public void OrderReducingAFullPosition_IsApproved()
    {
        var harness = Rule();
        harness.Portfolio.SetPosition(Btc, 1m, averagePrice: 100m);

        var decision = harness.Evaluate(OrderRequest.Limit(Btc, OrderSide.Sell, Quantity.FromDecimal(1.5m), Price.FromDecimal(100m)));

        Assert.Equal(RiskDecisionKind.Approve, decision.Kind);
    }

    [Fact]
    public void OrderPastTheNotionalCap_IsCutDownToTheLot()
    {
        // 1,000 / 3,000 = 0.3333…, down to BTCUSDT's lot of 0.00001.
        var decision = Rule(maxOrderNotional: 1_000m).Evaluate(LimitBuy(0.5m, 3_000m));

        Assert.Equal(RiskDecisionKind.Resize, decision.Kind);
        Assert.Equal(Quantity.FromDecimal(0.33333m), decision.Quantity);
        Assert.Equal(Co_RiskRule1Rule.MaxOrderNotional, decision.ReasonCode);
    }

    [Fact]
    public void OrderOfWhichNoLotFitsTheNotionalCap_IsRejected()
    {
        var decision = Rule(maxOrderNotional: 0m).Evaluate(LimitBuy(0.5m, 100m));

        Assert.Equal(RiskDecisionKind.Reject, decision.Kind);
        Assert.Equal(Co_RiskRule1Rule.MaxOrderNotional, decision.ReasonCode);
    }

    [Fact]
    public void MarketOrder_IsValuedAtTheLatestPrice_AndRejectedBeforeThereIsOne()
    {
        var harness = Rule(maxOrderNotional: 1_000m);
        var order = OrderRequest.Market(Btc, OrderSide.Buy, Quantity.FromDecimal(0.5m));

        Assert.Equal(Co_RiskRule1Rule.NoPrice, harness.Evaluate(order).ReasonCode);

        harness.Portfolio.SetMark(Btc, 4_000m);
        var decision = harness.Evaluate(order);

        Assert.Equal(RiskDecisionKind.Resize, decision.Kind);
        Assert.Equal(Quantity.FromDecimal(0.25m), decision.Quantity);
    }
}
