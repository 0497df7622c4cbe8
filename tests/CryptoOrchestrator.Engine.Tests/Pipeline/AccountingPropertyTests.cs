using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Execution;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Sdk.Domain;
using FsCheck;
using FsCheck.Fluent;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Pipeline;

/// <summary>
/// The accounting identities hold at every bar of random strategies, whatever the fill timing,
/// fees, slippage, position mode and execution: equity = cash + marked positions; equity − initial cash =
/// realized + unrealized − fees; and whenever the book is flat, Σ closed-trade PnL − fees explains
/// all of equity's change.
/// </summary>
public class AccountingPropertyTests
{
    [Fact]
    public void Identities_HoldAtEveryBar_ForRandomStrategies()
    {
        var cases =
            from seed in Gen.Choose(1, 1_000_000)
            from exclusive in Gen.Elements(false, true)
            from atClose in Gen.Elements(false, true)
            from takerBps in Gen.Choose(0, 50)
            from fixedFee in Gen.Elements(0m, 0.5m)
            from slippage in Gen.Choose(0, 3)
            from execution in Gen.Elements("direct", "market", "twap:3")
            select (seed, exclusive, atClose, takerBps, fixedFee, slippage, execution);

        Prop.ForAll(cases.ToArbitrary(), c => RunAndCheck(c.seed, c.exclusive, c.atClose, c.takerBps, c.fixedFee, c.slippage, c.execution))
            .QuickCheckThrowOnFailure();
    }

    private static void RunAndCheck(int seed, bool exclusive, bool atClose, int takerBps, decimal fixedFee, int slippage, string execution)
    {
        var setup = new PipelineSetup
        {
            Strategies = [new StrategyRegistration(new RandomStrategy(), ParameterSet.Defaults(new RandomStrategy().Metadata))],
            Sizer = new FixedFractionSizer(0.9m),
            Seed = seed,
            PositionMode = exclusive ? PositionMode.Exclusive : PositionMode.Netting,
            Execution = ExecutionChoice.Parse(execution),
            Exchange = new SimulatedExchangeOptions
            {
                FillTiming = atClose ? FillTiming.SignalClose : FillTiming.NextOpen,
                Commission = new CommissionSchedule(takerBps / 20_000m, takerBps / 10_000m, fixedFee),
                Slippage = slippage switch
                {
                    1 => new FixedBpsSlippage(5m),
                    2 => new BarRangeSlippage(0.1m),
                    3 => new VolumeShareSlippage(0.1m, 0.25m),
                    _ => NoSlippage.Instance,
                },
            },
        };
        var series = Bars.RandomWalk(Btc, seed, 300);
        var pipeline = new TradingPipeline(setup, [Btc], series.Count);
        var checker = new IdentityChecker(pipeline.Portfolio);
        pipeline.Events.Subscribe(checker);

        pipeline.Run([series]);

        Assert.Equal(series.Count, checker.Steps);
    }

    private sealed class IdentityChecker(Engine.Accounting.Portfolio portfolio) : IEngineEventSink
    {
        public int Steps { get; private set; }

        public decimal ClosedTradeGrossPnl { get; private set; }

        public void OnTradeClosed(string ownerId, in ClosedTrade trade) => ClosedTradeGrossPnl += trade.GrossPnl;

        public void OnEquity(long time, decimal equity)
        {
            Steps++;
            var position = portfolio.GetPosition(Btc);
            var mark = portfolio.LastPrice(Btc);
            Assert.Equal(portfolio.Cash + position.MarketValue(mark), equity);
            Assert.Equal(portfolio.RealizedPnl + portfolio.UnrealizedPnl - portfolio.TotalFees, equity - portfolio.InitialCash);
            Assert.Equal(position.UnrealizedPnl(mark), portfolio.UnrealizedPnl);
            if (position.IsFlat)
            {
                // Flat: everything realized belongs to a closed trade, so the trade log alone explains equity.
                Assert.Equal(ClosedTradeGrossPnl, portfolio.RealizedPnl);
                Assert.Equal(ClosedTradeGrossPnl - portfolio.TotalFees, equity - portfolio.InitialCash);
            }
        }
    }
}
