using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Risk;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using CryptoOrchestrator.Sdk.Testing.Tests.Plugins;

namespace CryptoOrchestrator.Sdk.Testing.Tests;

public class RiskRuleHarnessTests
{
    private static readonly Instrument Btc = HarnessOptions.DefaultInstrument;

    [Fact]
    public void MaxPosition_ResizesABuyToTheRoomLeft_GivenAHeldPosition()
    {
        var harness = new RiskRuleHarness(new MaxPositionRule(Quantity.FromWhole(1)));
        harness.Portfolio.SetPosition(Btc, 0.8m, 40_000m);

        var decision = harness.Evaluate(OrderRequest.Market(Btc, OrderSide.Buy, Quantity.FromDecimal(0.5m)));

        Assert.Equal((RiskDecisionKind.Resize, Quantity.FromDecimal(0.2m), MaxPositionRule.ReasonCode), (decision.Kind, decision.Quantity, decision.ReasonCode));
    }

    [Fact]
    public void MaxPosition_RejectsABuyWithNoRoom_AndApprovesASellThatReduces()
    {
        var harness = new RiskRuleHarness(new MaxPositionRule(Quantity.FromWhole(1)));
        harness.Portfolio.SetPosition(Btc, 1m, 40_000m);

        Assert.Equal(RiskDecisionKind.Reject, harness.Evaluate(OrderRequest.Market(Btc, OrderSide.Buy, Quantity.FromDecimal(0.1m))).Kind);
        Assert.Equal(RiskDecisionKind.Approve, harness.Evaluate(OrderRequest.Market(Btc, OrderSide.Sell, Quantity.FromDecimal(1.5m))).Kind);
    }

    [Fact]
    public void MaxNotional_ReadsItsParameterFromText_AndTheMarkFromThePortfolio()
    {
        var harness = new RiskRuleHarness(new MaxNotionalRule(), new Dictionary<string, string> { ["max-notional"] = "5000" });
        harness.Portfolio.SetMark(Btc, 40_000m);

        Assert.Equal(RiskDecisionKind.Approve, harness.Evaluate(OrderRequest.Market(Btc, OrderSide.Buy, Quantity.FromDecimal(0.125m))).Kind); // 5,000
        var decision = harness.Evaluate(OrderRequest.Market(Btc, OrderSide.Buy, Quantity.FromDecimal(0.12501m)));
        Assert.Equal((RiskDecisionKind.Reject, MaxNotionalRule.ReasonCode), (decision.Kind, decision.ReasonCode));
    }

    [Fact]
    public void UnknownParameter_Throws_NamingTheRuleAndParameter()
    {
        var error = Assert.Throws<PluginConfigurationException>(() => new RiskRuleHarness(new MaxNotionalRule(), new Dictionary<string, string> { ["max"] = "1" }));

        Assert.Equal(("max-notional", "max"), (error.PluginId, error.ParameterName));
    }

    [Fact]
    public void MalformedOrder_IsRefused_AsTheEngineNeverShowsOneToARule()
    {
        var harness = new RiskRuleHarness(new MaxNotionalRule());

        var error = Assert.Throws<ArgumentException>(() => harness.Evaluate(OrderRequest.Limit(Btc, OrderSide.Buy, Quantity.FromWhole(1), Price.Zero)));

        Assert.Contains("limit order needs a positive limit price", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TestPortfolio_ValuesPositionsAtTheirMark_OrAtCostWithoutOne()
    {
        var eth = Instrument.Spot("ETHUSDT");
        var portfolio = new TestPortfolio { Cash = 1_000m }
            .SetPosition(Btc, 0.5m, 40_000m)
            .SetMark(Btc, 42_000m)
            .SetPosition(new Position(eth, Quantity.FromWhole(-2), -6_000m, 0m, 0));

        Assert.Equal(1_000m + (0.5m * 42_000m) - 6_000m, portfolio.Equity);
        Assert.Equal(Price.FromDecimal(42_000m), portfolio.LastPrice(Btc));
        Assert.Equal(Price.Zero, portfolio.LastPrice(eth));
        Assert.True(portfolio.GetPosition(Instrument.Spot("SOLUSDT")).IsFlat);
    }
}
