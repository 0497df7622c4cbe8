using CryptoOrchestrator.Engine.Backtesting;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Pipeline.PipelineHarness;

namespace CryptoOrchestrator.Engine.Tests.Pipeline;

public class MultiInstrumentTests
{
    private static readonly Instrument Eth = new("ETHUSDT", "ETH", "USDT", Price.FromDecimal(0.01m), Quantity.FromDecimal(0.001m), 5m);

    [Fact]
    public void TwoFeeds_AreMergedByTime_WithOneEquityPointPerTime()
    {
        var seen = new List<(string Symbol, long Time)>();
        var strategy = new ScriptedStrategy("both", (i, bar, ctx) =>
        {
            seen.Add((i % 2 == 0 ? "first" : "second", bar.OpenTime));
            if (i < 2)
            {
                ctx.Emit(new Signal(i == 0 ? Btc : Eth, SignalDirection.Long));
            }
        });
        var btc = Bars.Closes(Btc, 100, 101, 102, 103);
        var eth = new BarSeries(Eth, Bars.Closes(Eth, 10, 11, 12, 13).Bars.ToArray(), 4, Bars.Hour);

        var result = Backtest.Run(Setup(strategy), [btc, eth]);

        Assert.Equal(8, seen.Count);
        Assert.True(seen.Select(s => s.Time).SequenceEqual(seen.Select(s => s.Time).Order()), "bars out of time order");
        Assert.Equal(4, result.EquityCurve.Count);
        Assert.Equal(2, result.OpenPositions.Count);
        Assert.Contains(strategy.Fills, f => f.Instrument == Btc && f.Price == Price.FromDecimal(101m));
        Assert.Contains(strategy.Fills, f => f.Instrument == Eth && f.Price == Price.FromDecimal(11m));
        // Cash 10,000 − 101 − 11, marked at the last closes 103 and 13.
        Assert.Equal(10_000m - 101m - 11m + 103m + 13m, result.Report.FinalEquity);
    }
}
