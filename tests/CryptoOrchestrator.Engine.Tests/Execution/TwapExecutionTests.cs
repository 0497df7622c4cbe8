using CryptoOrchestrator.Engine.Execution;
using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Engine.Tests.Pipeline;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Execution.SignalScript;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Execution;

public class TwapExecutionTests
{
    [Fact]
    public void OneBtcInFourSlices_FillsAQuarterOnEachOfFourConsecutiveBars_AtTheOpen()
    {
        var strategy = Emit(Btc, (0, SignalDirection.Long, 1.0));
        var setup = Setup(strategy) with { Execution = () => new TwapExecution(4) };

        var result = Run(setup, Rising(Btc, 7));

        Assert.Equal(4, strategy.Fills.Count);
        for (var k = 0; k < 4; k++)
        {
            var fill = strategy.Fills[k];
            Assert.Equal(OrderSide.Buy, fill.Side);
            Assert.Equal(Quantity.FromDecimal(0.25m), fill.Quantity);
            Assert.Equal(OpenOf(k + 1), fill.Price);
            Assert.Equal(OpenTimeOf(k + 1), fill.Time);
        }

        Assert.Equal(Quantity.FromWhole(1), Assert.Single(result.OpenPositions).Quantity);
    }

    [Fact]
    public void LotRemainder_GoesToTheLastSlice()
    {
        var strategy = Emit(Btc, (0, SignalDirection.Long, 1.0));
        var setup = Setup(strategy, new FixedQuantitySizer(Quantity.FromDecimal(1.003m))) with { Execution = () => new TwapExecution(4) };

        Run(setup, Rising(Btc, 7));

        Assert.Equal([0.25m, 0.25m, 0.25m, 0.253m], strategy.Fills.Select(f => f.Quantity.ToDecimal()));
    }

    [Fact]
    public void ParentOfFewerLotsThanSlices_GoesOneLotPerBar()
    {
        var noMinimum = new Instrument("BTCUSDT", "BTC", "USDT", Price.FromDecimal(0.01m), Quantity.FromDecimal(0.001m), 0m);
        var strategy = Emit(noMinimum, (0, SignalDirection.Long, 1.0));
        var setup = Setup(strategy, new FixedQuantitySizer(Quantity.FromDecimal(0.003m))) with { Execution = () => new TwapExecution(4) };

        Run(setup, Rising(noMinimum, 6));

        Assert.Equal(
            [(0.001m, 1), (0.001m, 2), (0.001m, 3)],
            strategy.Fills.Select(f => (f.Quantity.ToDecimal(), (int)((f.Time - Bars.Start) / Bars.Hour))));
    }

    [Fact]
    public void ReversingSignal_MidTwap_CancelsTheRest_AndEndsAtTheNewTarget()
    {
        var strategy = Emit(Btc, (0, SignalDirection.Long, 1.0), (2, SignalDirection.Short, 1.0));
        var setup = Setup(strategy) with { Execution = () => new TwapExecution(4) };

        var result = Run(setup, Rising(Btc, 9));

        // Two quarters bought on bars 1 and 2; the third slice, queued on bar 2, is cancelled by the reversal,
        // and the 1.5 that takes 0.5 long to 1 short goes in four slices of 0.375 on bars 3 to 6.
        Assert.Equal(
            [(OrderSide.Buy, 0.25m, 1), (OrderSide.Buy, 0.25m, 2), (OrderSide.Sell, 0.375m, 3), (OrderSide.Sell, 0.375m, 4), (OrderSide.Sell, 0.375m, 5), (OrderSide.Sell, 0.375m, 6)],
            strategy.Fills.Select(f => (f.Side, f.Quantity.ToDecimal(), (int)((f.Time - Bars.Start) / Bars.Hour))));
        var cancelled = Assert.Single(strategy.Updates, u => u.Status == OrderStatus.Cancelled);
        Assert.Equal(OrderSide.Buy, cancelled.Request.Side);
        Assert.Equal(OrderRejectReasons.CancelRequested, cancelled.Reason);
        Assert.Equal(Quantity.FromWhole(-1), Assert.Single(result.OpenPositions).Quantity);
    }

    [Fact]
    public void ReversingSignal_MidTwap_WhenExclusive_ClosesAtOnceThenWorksTheEntry()
    {
        var strategy = Emit(Btc, (0, SignalDirection.Long, 1.0), (2, SignalDirection.Short, 1.0));
        var setup = Setup(strategy) with { Execution = () => new TwapExecution(4), PositionMode = PositionMode.Exclusive };

        var result = Run(setup, Rising(Btc, 9));

        Assert.Equal(
            [(OrderSide.Buy, 0.25m, 1), (OrderSide.Buy, 0.25m, 2), (OrderSide.Sell, 0.5m, 3), (OrderSide.Sell, 0.25m, 3), (OrderSide.Sell, 0.25m, 4), (OrderSide.Sell, 0.25m, 5), (OrderSide.Sell, 0.25m, 6)],
            strategy.Fills.Select(f => (f.Side, f.Quantity.ToDecimal(), (int)((f.Time - Bars.Start) / Bars.Hour))));
        Assert.Equal(Quantity.FromWhole(-1), Assert.Single(result.OpenPositions).Quantity);
    }

    [Fact]
    public void NewSignal_WithTheSameTarget_LeavesTheWorkingParentAlone_AndAddsNothing()
    {
        // The weaker long signal on bar 2 keeps the all-in target of 1: half of it is held, half still to come.
        var strategy = Emit(Btc, (0, SignalDirection.Long, 1.0), (2, SignalDirection.Long, 0.5));
        var setup = Setup(strategy, new AllInSizer()) with { Execution = () => new TwapExecution(4) };

        var result = Run(setup, Rising(Btc, 8));

        Assert.Equal(4, strategy.Fills.Count);
        Assert.All(strategy.Fills, f => Assert.Equal(Quantity.FromDecimal(0.25m), f.Quantity));
        Assert.DoesNotContain(strategy.Updates, u => u.Status == OrderStatus.Cancelled);
        Assert.Equal(Quantity.FromWhole(1), Assert.Single(result.OpenPositions).Quantity);
    }

    [Fact]
    public void WeakerSignal_MidTwap_RestartsFromTheTruePosition()
    {
        var strategy = Emit(Btc, (0, SignalDirection.Long, 1.0), (1, SignalDirection.Long, 0.5));
        var setup = Setup(strategy) with { Execution = () => new TwapExecution(4) };

        var result = Run(setup, Rising(Btc, 8));

        // 0.25 held after bar 1; the target of 0.5 needs 0.25 more, in four slices of 0.062 and a last of 0.064.
        Assert.Equal([0.25m, 0.062m, 0.062m, 0.062m, 0.064m], strategy.Fills.Select(f => f.Quantity.ToDecimal()));
        Assert.Equal(Quantity.FromDecimal(0.5m), Assert.Single(result.OpenPositions).Quantity);
    }

    [Fact]
    public void RefusedSlice_RidesOnTheNextSlice()
    {
        // At about 100 a quarter is worth 25, under the minimum notional of 40; half is worth 50.
        var picky = new Instrument("BTCUSDT", "BTC", "USDT", Price.FromDecimal(0.01m), Quantity.FromDecimal(0.001m), 40m);
        var strategy = Emit(picky, (0, SignalDirection.Long, 1.0));
        var setup = Setup(strategy) with { Execution = () => new TwapExecution(4) };

        var result = Run(setup, Bars.Closes(picky, 100, 100, 100, 100, 100, 100, 100));

        Assert.Equal(2, strategy.Updates.Count(u => u.Status == OrderStatus.Rejected && u.Reason == OrderRejectReasons.MinNotional));
        Assert.Equal(
            [(0.5m, 2), (0.5m, 4)],
            strategy.Fills.Select(f => (f.Quantity.ToDecimal(), (int)((f.Time - Bars.Start) / Bars.Hour))));
        Assert.Equal(Quantity.FromWhole(1), Assert.Single(result.OpenPositions).Quantity);
    }
}
