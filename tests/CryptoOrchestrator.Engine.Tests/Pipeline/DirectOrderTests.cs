using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Risk;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Pipeline;

public class DirectOrderTests
{
    [Fact]
    public void DirectOrder_IsResizedByRiskRule()
    {
        var strategy = new ScriptedStrategy("s", (i, _, ctx) =>
        {
            if (i == 0)
            {
                ctx.Submit(OrderRequest.Market(Btc, OrderSide.Buy, Quantity.FromWhole(5)));
            }
        });
        var setup = Setup(strategy) with { RiskRules = [new MaxPositionRule(Quantity.FromWhole(2))] };

        Run(setup, Bars.Closes(Btc, 100, 100, 100));

        Assert.Equal(Quantity.FromWhole(2), Assert.Single(strategy.Fills).Quantity);
    }

    [Fact]
    public void DirectOrder_RejectedByRiskRule_ReachesStrategyWithReason()
    {
        var strategy = new ScriptedStrategy("s", (i, _, ctx) =>
        {
            if (i == 0)
            {
                ctx.Submit(OrderRequest.Market(Btc, OrderSide.Buy, Quantity.FromWhole(1)));
            }
        });
        var setup = Setup(strategy) with { RiskRules = [new MaxPositionRule(Quantity.Zero)] };

        var result = Run(setup, Bars.Closes(Btc, 100, 100, 100));

        Assert.Empty(strategy.Fills);
        var rejection = Assert.Single(strategy.Updates, u => u.Status == OrderStatus.Rejected);
        Assert.Equal(MaxPositionRule.ReasonCode, rejection.Reason);
        Assert.Equal(1, result.Rejections[MaxPositionRule.ReasonCode]);
    }

    [Fact]
    public void ReduceOnly_ThatWouldOpen_IsRejected()
    {
        var strategy = new ScriptedStrategy("s", (i, _, ctx) =>
        {
            if (i == 0)
            {
                ctx.Submit(OrderRequest.Market(Btc, OrderSide.Sell, Quantity.FromWhole(1)) with { ReduceOnly = true });
            }
        });

        Run(Setup(strategy), Bars.Closes(Btc, 100, 100));

        var rejection = Assert.Single(strategy.Updates, u => u.Status == OrderStatus.Rejected);
        Assert.Equal(OrderRouter.ReduceOnlyWouldIncrease, rejection.Reason);
    }

    [Fact]
    public void ReduceOnly_LargerThanPosition_IsCutToThePosition()
    {
        var strategy = new ScriptedStrategy("s", (i, _, ctx) =>
        {
            if (i == 0)
            {
                ctx.Submit(OrderRequest.Market(Btc, OrderSide.Buy, Quantity.FromWhole(1)));
            }
            else if (i == 2)
            {
                ctx.Submit(OrderRequest.Market(Btc, OrderSide.Sell, Quantity.FromWhole(3)) with { ReduceOnly = true });
            }
        });

        var result = Run(Setup(strategy), Bars.Closes(Btc, 100, 101, 102, 103));

        Assert.Equal(Quantity.FromWhole(1), strategy.Fills[1].Quantity);
        Assert.Empty(result.OpenPositions);
        Assert.Single(result.Trades);
    }

    [Fact]
    public void ExclusiveMode_DirectEntry_ClosesOpenPositionFirst()
    {
        var strategy = new ScriptedStrategy("s", (i, _, ctx) =>
        {
            if (i is 0 or 2)
            {
                ctx.Submit(OrderRequest.Market(Btc, OrderSide.Buy, Quantity.FromWhole(1)));
            }
        });
        var setup = Setup(strategy) with { PositionMode = PositionMode.Exclusive };

        var result = Run(setup, Bars.Closes(Btc, 100, 101, 102, 103, 104));

        Assert.Equal([OrderSide.Buy, OrderSide.Sell, OrderSide.Buy], strategy.Fills.Select(f => f.Side));
        Assert.Single(result.Trades);
        Assert.Equal(Quantity.FromWhole(1), Assert.Single(result.OpenPositions).Quantity);
    }

    [Fact]
    public void StrategyThatThrows_FailsTheRun_NamingThePlugin()
    {
        var strategy = new ScriptedStrategy("explodes", (i, _, _) =>
        {
            if (i == 1)
            {
                throw new InvalidOperationException("boom");
            }
        });

        var error = Assert.Throws<PluginFaultException>(() => Run(Setup(strategy), Bars.Closes(Btc, 100, 101, 102)));

        Assert.Equal("explodes", error.PluginId);
        Assert.Contains("explodes", error.Message, StringComparison.Ordinal);
        Assert.Contains("boom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedSignal_FailsTheRun_NamingThePlugin()
    {
        var strategy = new ScriptedStrategy("bad-signal", (_, _, ctx) => ctx.Emit(new Signal(Btc, SignalDirection.Long, Strength: 2)));

        var error = Assert.Throws<PluginFaultException>(() => Run(Setup(strategy), Bars.Closes(Btc, 100)));

        Assert.Equal("bad-signal", error.PluginId);
        Assert.Contains("strength", error.Message, StringComparison.Ordinal);
    }
}
