using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Pipeline;

public class SignalFlowTests
{
    [Fact]
    public void LongSignal_FillsAtNextBarOpen_ByDefault()
    {
        var strategy = new ScriptedStrategy("s", (i, _, ctx) =>
        {
            if (i == 1)
            {
                ctx.Emit(new Signal(Btc, SignalDirection.Long));
            }
        });
        var series = Bars.Series(Btc, (100, 101, 99, 100), (100, 102, 99, 101), (103, 104, 102, 103), (104, 105, 103, 104));

        var result = Run(Setup(strategy), series);

        var fill = Assert.Single(strategy.Fills);
        Assert.Equal(OrderSide.Buy, fill.Side);
        Assert.Equal(Price.FromDecimal(103m), fill.Price);
        Assert.Equal(Bars.Start + (2 * Bars.Hour), fill.Time);
        Assert.Equal(10_000m - 103m + 104m, result.Report.FinalEquity);
    }

    [Fact]
    public void LongSignal_FillsAtSignalClose_WhenAsked()
    {
        var strategy = new ScriptedStrategy("s", (i, _, ctx) =>
        {
            if (i == 1)
            {
                ctx.Emit(new Signal(Btc, SignalDirection.Long));
            }
        });
        var series = Bars.Series(Btc, (100, 101, 99, 100), (100, 102, 99, 101), (103, 104, 102, 103));
        var setup = Setup(strategy, exchange: new SimulatedExchangeOptions { FillTiming = FillTiming.SignalClose });

        Run(setup, series);

        Assert.Equal(Price.FromDecimal(101m), Assert.Single(strategy.Fills).Price);
    }

    [Fact]
    public void Reversal_IsOneOrderOfTwiceTheSize_WhenNetting()
    {
        var strategy = Flipper();
        var series = Bars.Closes(Btc, 100, 101, 102, 103, 104);

        var result = Run(Setup(strategy), series);

        Assert.Equal(2, strategy.Fills.Count);
        Assert.Equal(Quantity.FromWhole(2), strategy.Fills[1].Quantity);
        Assert.Equal(OrderSide.Sell, strategy.Fills[1].Side);
        Assert.Equal(Quantity.FromWhole(-1), Assert.Single(result.OpenPositions).Quantity);
        Assert.Single(result.Trades);
    }

    [Fact]
    public void Exit_IsReduceOnly_WhileEntryAndReversal_AreNot()
    {
        var strategy = new ScriptedStrategy("s", (i, _, ctx) =>
        {
            var direction = i switch { 0 => SignalDirection.Long, 2 => SignalDirection.Flat, 4 => SignalDirection.Long, 6 => SignalDirection.Short, _ => (SignalDirection?)null };
            if (direction is { } d)
            {
                ctx.Emit(new Signal(Btc, d));
            }
        });
        var series = Bars.Closes(Btc, 100, 101, 102, 103, 104, 105, 106, 107, 108);

        Run(Setup(strategy), series);

        var orders = strategy.Updates.Where(u => u.Status == OrderStatus.New).Select(u => u.Request.ReduceOnly).ToArray();
        Assert.Equal([false, true, false, false], orders);
    }

    [Fact]
    public void Reversal_ClosesThenOpens_WhenExclusive()
    {
        var strategy = Flipper();
        var series = Bars.Closes(Btc, 100, 101, 102, 103, 104);
        var setup = Setup(strategy) with { PositionMode = PositionMode.Exclusive };

        var result = Run(setup, series);

        Assert.Equal(3, strategy.Fills.Count);
        Assert.All(strategy.Fills.Skip(1), f => Assert.Equal(Quantity.FromWhole(1), f.Quantity));
        Assert.Equal(Quantity.FromWhole(-1), Assert.Single(result.OpenPositions).Quantity);
    }

    [Fact]
    public void FixedFraction_BuysWholeLotsOfAllEquity_WithCommissionIncluded()
    {
        var strategy = new ScriptedStrategy("s", (i, _, ctx) =>
        {
            if (i == 0)
            {
                ctx.Emit(new Signal(Btc, SignalDirection.Long));
            }
        });
        var series = Bars.Closes(Btc, 100, 100, 100);
        var exchange = new SimulatedExchangeOptions { FillTiming = FillTiming.SignalClose, Commission = CommissionSchedule.Flat(0.001m) };

        var result = Run(Setup(strategy, new FixedFractionSizer(1m), exchange), series);

        // 10,000 / (100 × 1.001) = 99.9000999… → 99.9 BTC in 0.001 lots; cost 9,990 + fee 9.99.
        var fill = Assert.Single(strategy.Fills);
        Assert.Equal(Quantity.FromDecimal(99.9m), fill.Quantity);
        Assert.Equal(9.99m, fill.Fee);
        Assert.True(result.Report.FinalEquity >= 0);
    }

    [Fact]
    public void SameView_RepeatedEveryBar_TradesOnce()
    {
        var strategy = new ScriptedStrategy("s", (_, _, ctx) => ctx.Emit(new Signal(Btc, SignalDirection.Long)));

        var result = Run(Setup(strategy, new FixedFractionSizer(0.5m)), Bars.Closes(Btc, 100, 110, 120, 130));

        Assert.Single(strategy.Fills);
        Assert.Equal(1, result.OrderCount);
    }

    private static ScriptedStrategy Flipper() => new("flipper", (i, _, ctx) =>
    {
        if (i == 0)
        {
            ctx.Emit(new Signal(Btc, SignalDirection.Long));
        }
        else if (i == 2)
        {
            ctx.Emit(new Signal(Btc, SignalDirection.Short));
        }
    });
}
