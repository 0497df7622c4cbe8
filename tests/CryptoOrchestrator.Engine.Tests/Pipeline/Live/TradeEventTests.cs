using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Pipeline.Live;

public class TradeEventTests
{
    /// <summary>The first millisecond after the first test bar (Bars.Start, one hour long).</summary>
    private const long AfterFirstBar = Bars.Start + Bars.Hour;

    [Fact]
    public void OnTrade_SeesEveryTrade_WithTheClockAtItsTime()
    {
        var strategy = new HookedStrategy("t");
        var run = new LiveRun(Setup(strategy), 4, Btc);
        run.Pipeline.Process(Btc, Bars.Closes(Btc, 100).Bars[0]);

        run.Pipeline.ProcessTrade(Btc, At(AfterFirstBar + 10, 100.5m));
        run.Pipeline.ProcessTrade(Btc, At(AfterFirstBar + 25, 100.25m));

        Assert.Equal([(Btc, At(AfterFirstBar + 10, 100.5m)), (Btc, At(AfterFirstBar + 25, 100.25m))], strategy.Trades);
        Assert.Equal([AfterFirstBar + 10, AfterFirstBar + 25], strategy.ClockAtEachTrade);
    }

    [Fact]
    public void RestingBuyLimit_FillsAtTheTradePrice_OnlyWhenATradePrintsBelowIt()
    {
        var strategy = BuysLimitOnFirstBar(99.50m);
        var run = new LiveRun(Setup(strategy), 4, Btc);
        run.Pipeline.Process(Btc, Bars.Closes(Btc, 100).Bars[0]);

        run.Pipeline.ProcessTrade(Btc, At(AfterFirstBar + 1, 99.80m));
        run.Pipeline.ProcessTrade(Btc, At(AfterFirstBar + 2, 99.50m));
        Assert.Empty(strategy.Fills);
        run.Pipeline.ProcessTrade(Btc, At(AfterFirstBar + 3, 99.40m));

        var fill = Assert.Single(strategy.Fills);
        Assert.Equal((Price.FromDecimal(99.40m), Quantity.FromWhole(1), AfterFirstBar + 3, Liquidity.Maker), (fill.Price, fill.Quantity, fill.Time, fill.Liquidity));
        Assert.Equal(Quantity.FromWhole(1), run.Pipeline.Portfolio.GetPosition(Btc).Quantity);
    }

    [Fact]
    public void TradesOfOneMillisecond_AreMatchedOneAfterAnother()
    {
        var strategy = BuysLimitOnFirstBar(99.50m);
        var run = new LiveRun(Setup(strategy), 4, Btc);
        run.Pipeline.Process(Btc, Bars.Closes(Btc, 100).Bars[0]);

        run.Pipeline.ProcessTrade(Btc, At(AfterFirstBar + 7, 99.90m));
        run.Pipeline.ProcessTrade(Btc, At(AfterFirstBar + 7, 99.00m));

        Assert.Equal(Price.FromDecimal(99.00m), Assert.Single(strategy.Fills).Price);
    }

    [Fact]
    public void Trade_MarksEquityAtItsPrice_ButRecordsNoEquityPoint()
    {
        var strategy = new HookedStrategy("t")
        {
            EachBar = (ctx, instrument, _, n) =>
            {
                if (n == 0)
                {
                    ctx.Submit(OrderRequest.Market(instrument, OrderSide.Buy, Quantity.FromWhole(2)));
                }
            },
        };
        var run = new LiveRun(Setup(strategy), 4, Btc);
        var bars = Bars.Closes(Btc, 100, 102);
        run.Pipeline.Process(Btc, bars.Bars[0]);
        run.Pipeline.Process(Btc, bars.Bars[1]); // bought 2 at the open, 102.00

        run.Pipeline.ProcessTrade(Btc, At(bars.Bars[1].CloseTime + 5, 105.25m));

        Assert.Equal(10_000m - (2 * 102m) + (2 * 105.25m), run.Pipeline.Portfolio.Equity);
        Assert.Equal(2, run.Pipeline.Tracker.EquityCurve.Length);
    }

    [Fact]
    public void SignalEmittedOnTrade_IsSizedThenFilledAtTheNextPrint_UnderNextOpen()
    {
        var strategy = EmitsLongOnFirstTrade();
        var run = new LiveRun(Setup(strategy), 4, Btc);
        run.Pipeline.Process(Btc, Bars.Closes(Btc, 100).Bars[0]);

        run.Pipeline.ProcessTrade(Btc, At(AfterFirstBar + 1, 100.10m));
        Assert.Empty(strategy.Fills);
        run.Pipeline.ProcessTrade(Btc, At(AfterFirstBar + 2, 100.30m));

        var fill = Assert.Single(strategy.Fills);
        Assert.Equal((OrderSide.Buy, Price.FromDecimal(100.30m), Quantity.FromWhole(1), AfterFirstBar + 2, Liquidity.Taker), (fill.Side, fill.Price, fill.Quantity, fill.Time, fill.Liquidity));
    }

    [Fact]
    public void SignalEmittedOnTrade_FillsAtTheTradePrice_UnderSignalClose()
    {
        var strategy = EmitsLongOnFirstTrade();
        var run = new LiveRun(Setup(strategy, exchange: new SimulatedExchangeOptions { FillTiming = FillTiming.SignalClose }), 4, Btc);
        run.Pipeline.Process(Btc, Bars.Closes(Btc, 100).Bars[0]);

        run.Pipeline.ProcessTrade(Btc, At(AfterFirstBar + 1, 100.10m));

        var fill = Assert.Single(strategy.Fills);
        Assert.Equal((Price.FromDecimal(100.10m), AfterFirstBar + 1), (fill.Price, fill.Time));
    }

    [Fact]
    public void BarFedAfterTradesInItsSpan_ClosesWithoutBeingMatchedAgain()
    {
        var strategy = BuysLimitOnFirstBar(99.50m);
        var run = new LiveRun(Setup(strategy), 4, Btc);
        var bars = Bars.Series(Btc, (100, 101, 99, 100), (100, 101, 98, 100), (100, 101, 98, 100));
        run.Pipeline.Process(Btc, bars.Bars[0]);

        run.Pipeline.ProcessTrade(Btc, At(bars.Bars[1].OpenTime + 100, 99.90m));
        run.Pipeline.Process(Btc, bars.Bars[1]); // its low of 98 is through the limit, but its trades were matched already
        Assert.Empty(strategy.Fills);
        Assert.Equal(2, strategy.Bars.Count);

        run.Pipeline.Process(Btc, bars.Bars[2]);

        var fill = Assert.Single(strategy.Fills);
        Assert.Equal((Price.FromDecimal(99.50m), bars.Bars[2].OpenTime), (fill.Price, fill.Time));
        Assert.Equal(3, run.Pipeline.Tracker.EquityCurve.Length);
    }

    [Fact]
    public void TradeOlderThanThePipelineClock_IsRefused()
    {
        var run = new LiveRun(Setup(new HookedStrategy("t")), 4, Btc);
        var bar = Bars.Closes(Btc, 100).Bars[0];
        run.Pipeline.Process(Btc, bar);

        var error = Assert.Throws<InvalidOperationException>(() => run.Pipeline.ProcessTrade(Btc, At(bar.CloseTime - 1, 100m)));

        Assert.Contains("cannot go back", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(100, 0)]
    [InlineData(100, -1)]
    public void TradeWithoutPositivePriceAndQuantity_IsRefused_NamingTheInstrument(decimal price, decimal quantity)
    {
        var strategy = new HookedStrategy("t");
        var run = new LiveRun(Setup(strategy), 4, Btc);

        var error = Assert.Throws<ArgumentException>(() => run.Pipeline.ProcessTrade(Btc, At(AfterFirstBar, price, quantity)));

        Assert.Contains("BTCUSDT", error.Message, StringComparison.Ordinal);
        Assert.Empty(strategy.Trades);
    }

    [Fact]
    public void StrategyThrowingInOnTrade_HaltsTheRun_NamingOnTrade()
    {
        var strategy = new HookedStrategy("thrower") { EachTrade = (_, _, _, _) => throw new InvalidOperationException("bad print") };
        var run = new LiveRun(Setup(strategy), 4, Btc);

        var error = Assert.Throws<PluginFaultException>(() => run.Pipeline.ProcessTrade(Btc, At(AfterFirstBar, 100m)));

        Assert.Equal(("thrower", CallbackPhases.OnTrade), (error.PluginId, error.Phase));
    }

    [Fact]
    public void ProcessTrade_AllocatesNothingPerTrade()
    {
        var trades = RandomTrades(seed: 4, count: 12_000);
        var pipeline = new TradingPipeline(Setup(new TradeFlipStrategy()), [Btc], 1);
        var next = 0;
        void FeedTrades(int count)
        {
            for (var end = next + count; next < end; next++)
            {
                pipeline.ProcessTrade(Btc, trades[next]);
            }
        }

        FeedTrades(2_000); // JIT, tier-up and every pool grown to its working size.

        var allocated = AllocationProbe.Least(5, () => FeedTrades(2_000));

        Assert.True(pipeline.Tracker.TradeCount > 500, $"only {pipeline.Tracker.TradeCount} round trips");
        Assert.Equal(0, allocated);
    }

    private static Trade At(long time, decimal price, decimal quantity = 1m) =>
        new(time, Price.FromDecimal(price), Quantity.FromDecimal(quantity), OrderSide.Sell);

    private static HookedStrategy BuysLimitOnFirstBar(decimal limit) => new("t")
    {
        EachBar = (ctx, instrument, _, n) =>
        {
            if (n == 0)
            {
                ctx.Submit(OrderRequest.Limit(instrument, OrderSide.Buy, Quantity.FromWhole(1), Price.FromDecimal(limit)));
            }
        },
    };

    private static HookedStrategy EmitsLongOnFirstTrade() => new("t")
    {
        EachTrade = (ctx, instrument, _, n) =>
        {
            if (n == 0)
            {
                ctx.Emit(new Signal(instrument, SignalDirection.Long));
            }
        },
    };

    /// <summary>A random walk of prints on the 0.01 tick, two to a millisecond.</summary>
    private static Trade[] RandomTrades(int seed, int count)
    {
        var random = new Random(seed);
        var price = 20_000m;
        var trades = new Trade[count];
        for (var i = 0; i < count; i++)
        {
            price = Math.Max(1m, price + (random.Next(-300, 301) / 100m));
            trades[i] = new Trade(AfterFirstBar + (i / 2), Price.FromDecimal(price), Quantity.FromDecimal(random.Next(1, 500) / 100m), OrderSide.Buy);
        }

        return trades;
    }

    /// <summary>Busy on trades and allocation-free: flips long and short every 5 trades and keeps a limit order near the print.</summary>
    private sealed class TradeFlipStrategy : IStrategy
    {
        private IStrategyContext _context = null!;
        private ClientOrderId _working;
        private int _trades;

        public PluginMetadata Metadata { get; } = TestMetadata.For("trade-flip");

        public void Initialize(IStrategyContext context) => _context = context;

        public void OnBar(Instrument instrument, in Bar bar)
        {
        }

        public void OnTrade(Instrument instrument, in Trade trade)
        {
            var n = _trades++;
            if (n % 5 == 0)
            {
                _context.Emit(new Signal(instrument, (n / 5) % 2 == 0 ? SignalDirection.Long : SignalDirection.Short));
            }

            if (!_working.IsNone && n % 3 == 0)
            {
                _context.Cancel(_working);
                _working = ClientOrderId.None;
            }

            if (_working.IsNone)
            {
                _working = _context.Submit(OrderRequest.Limit(instrument, OrderSide.Buy, Quantity.FromDecimal(0.01m), trade.Price - Price.FromDecimal(1m)));
            }
        }

        public void OnOrderUpdate(in OrderSnapshot order)
        {
            if (order.Id == _working && order.IsFinal)
            {
                _working = ClientOrderId.None;
            }
        }
    }
}
