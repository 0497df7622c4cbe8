using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Execution;
using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Tests.Pipeline;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using static CryptoOrchestrator.Engine.Tests.Execution.SignalScript;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Execution;

public class ExecutionDeskTests
{
    [Fact]
    public void Parent_IsAcceptedWithTheSizedRequest_AndTheStrategyOwnsTheChildren()
    {
        var algorithm = new RecordingExecution((parent, ctx) => ctx.SubmitChild(OrderRequest.Market(Btc, parent.Request.Side, parent.Request.Quantity)));
        var strategy = Emit(Btc, (0, SignalDirection.Short, 0.5));
        var setup = Setup(strategy) with { Execution = () => algorithm };

        Run(setup, Rising(Btc, 3));

        var parent = Assert.Single(algorithm.Parents);
        Assert.Equal(OrderStatus.Accepted, parent.Status);
        Assert.Equal(OrderSide.Sell, parent.Request.Side);
        Assert.Equal(Quantity.FromDecimal(0.5m), parent.Request.Quantity);
        Assert.Equal(parent.Id, parent.Request.ClientOrderId);
        var fill = Assert.Single(strategy.Fills);
        Assert.Equal(Assert.Single(algorithm.Submitted), fill.OrderId);
        Assert.Equal([OrderStatus.New, OrderStatus.Accepted, OrderStatus.Filled], algorithm.Updates.Select(u => u.Status));
    }

    [Fact]
    public void ChildRejection_ReachesTheAlgorithm()
    {
        var algorithm = new RecordingExecution((parent, ctx) => ctx.SubmitChild(OrderRequest.Market(Btc, parent.Request.Side, Quantity.FromDecimal(0.0001m))));
        var setup = Setup(Emit(Btc, (0, SignalDirection.Long, 1.0))) with { Execution = () => algorithm };

        Run(setup, Rising(Btc, 3));

        var update = Assert.Single(algorithm.Updates);
        Assert.Equal(OrderStatus.Rejected, update.Status);
        Assert.Equal(OrderRejectReasons.BelowLotSize, update.Reason);
        Assert.Equal(Assert.Single(algorithm.Submitted), update.Id);
    }

    [Fact]
    public void CancelledChild_ReachesTheAlgorithm_AndItsRestCanBeSentAgain()
    {
        // A limit far below the market never fills; the algorithm cancels it on the next bar and sends a market order instead.
        var algorithm = new RecordingExecution(
            (parent, ctx) => ctx.SubmitChild(OrderRequest.Limit(Btc, OrderSide.Buy, parent.Request.Quantity, Price.FromDecimal(50m))),
            (bar, ctx) =>
            {
                if (bar == 0)
                {
                    ctx.CancelChild(new ClientOrderId(1));
                    ctx.SubmitChild(OrderRequest.Market(Btc, OrderSide.Buy, Quantity.FromWhole(1)));
                }
            });
        var strategy = Emit(Btc, (0, SignalDirection.Long, 1.0));
        var setup = Setup(strategy) with { Execution = () => algorithm };

        var result = Run(setup, Rising(Btc, 4));

        Assert.Equal(new ClientOrderId(1), algorithm.Submitted[0]);
        Assert.Contains(algorithm.Updates, u => u.Id == algorithm.Submitted[0] && u.Status == OrderStatus.Cancelled);
        var fill = Assert.Single(strategy.Fills);
        Assert.Equal(algorithm.Submitted[1], fill.OrderId);
        Assert.Equal(OpenOf(2), fill.Price);
        Assert.Equal(Quantity.FromWhole(1), Assert.Single(result.OpenPositions).Quantity);
    }

    [Fact]
    public void AlgorithmThatLetsABarPassWithNothingWorking_HasGivenUp_SoTheNextSignalStartsAFreshParent()
    {
        // The all-in target stays 1 throughout: only a parent that no longer counts as pending lets the second signal trade.
        var algorithm = new RecordingExecution((parent, ctx) => ctx.SubmitChild(OrderRequest.Market(Btc, parent.Request.Side, Quantity.FromDecimal(0.0001m))));
        var setup = Setup(Emit(Btc, (0, SignalDirection.Long, 1.0), (2, SignalDirection.Long, 0.5)), new AllInSizer()) with { Execution = () => algorithm };

        Run(setup, Rising(Btc, 4));

        Assert.Equal(2, algorithm.Parents.Count);
        Assert.Equal(Quantity.FromWhole(1), algorithm.Parents[1].Request.Quantity);
    }

    [Fact]
    public void ChildLargerThanTheUnsentParent_FaultsTheAlgorithm()
    {
        var algorithm = new RecordingExecution((parent, ctx) => ctx.SubmitChild(OrderRequest.Market(Btc, parent.Request.Side, Quantity.FromWhole(2))));
        var setup = Setup(Emit(Btc, (0, SignalDirection.Long, 1.0))) with { Execution = () => algorithm };

        var fault = Assert.Throws<PluginFaultException>(() => Run(setup, Rising(Btc, 3)));

        Assert.Equal("recording-execution", fault.PluginId);
        Assert.Equal(nameof(IExecutionContext.SubmitChild), fault.Phase);
        Assert.Contains("exceeds the parent's unsent 1", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChildOnTheWrongSide_FaultsTheAlgorithm()
    {
        var algorithm = new RecordingExecution((parent, ctx) => ctx.SubmitChild(OrderRequest.Market(Btc, OrderSide.Sell, parent.Request.Quantity)));
        var setup = Setup(Emit(Btc, (0, SignalDirection.Long, 1.0))) with { Execution = () => algorithm };

        var fault = Assert.Throws<PluginFaultException>(() => Run(setup, Rising(Btc, 3)));

        Assert.Contains("Sell of BTCUSDT but the parent a Buy", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AlgorithmThatThrows_StopsTheRun_NamingItAndTheCall()
    {
        var algorithm = new RecordingExecution((_, ctx) => { }, (_, _) => throw new InvalidOperationException("boom"));
        var setup = Setup(Emit(Btc, (0, SignalDirection.Long, 1.0))) with { Execution = () => algorithm };

        var fault = Assert.Throws<PluginFaultException>(() => Run(setup, Rising(Btc, 3)));

        Assert.Equal("recording-execution", fault.PluginId);
        Assert.Equal(nameof(IExecutionAlgorithm.OnBar), fault.Phase);
    }

    [Theory]
    [InlineData(PositionMode.Netting, FillTiming.NextOpen)]
    [InlineData(PositionMode.Exclusive, FillTiming.NextOpen)]
    [InlineData(PositionMode.Netting, FillTiming.SignalClose)]
    public void MarketExecution_FillsExactlyAsDirectRouting(PositionMode mode, FillTiming timing)
    {
        (int, SignalDirection, double)[] script =
            [(0, SignalDirection.Long, 1.0), (3, SignalDirection.Short, 0.5), (5, SignalDirection.Flat, 1.0), (6, SignalDirection.Long, 0.7), (9, SignalDirection.Short, 1.0)];
        var direct = Emit(Btc, script);
        var market = Emit(Btc, script);
        var exchange = new SimulatedExchangeOptions { FillTiming = timing, Commission = CommissionSchedule.Flat(0.001m) };
        var series = Bars.RandomWalk(Btc, 7, 12);

        var directResult = Run(Setup(direct, exchange: exchange) with { PositionMode = mode }, series);
        var marketResult = Run(Setup(market, exchange: exchange) with { PositionMode = mode, Execution = () => new MarketExecution() }, series);

        // Exclusive mode closes before each of the two reversals and on the exit: two fills more than netting.
        Assert.Equal(mode == PositionMode.Exclusive ? 7 : 5, direct.Fills.Count);
        Assert.Equal(direct.Fills, market.Fills);
        Assert.Equal(directResult.Report.FinalEquity, marketResult.Report.FinalEquity);
    }
}
