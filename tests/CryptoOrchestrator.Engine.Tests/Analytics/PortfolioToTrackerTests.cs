using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Engine.Analytics;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.Analytics;

public class PortfolioToTrackerTests
{
    [Fact]
    public void TradesClosedByThePortfolio_ReachTheTracker_AndItsNetProfitMatchesTheEquityChange()
    {
        var btc = Instrument.Spot("BTCUSDT");
        var tracker = new PerformanceTracker(1_000m, 3);
        var account = new Portfolio(1_000m, [btc], owners: 1) { TradeListener = tracker };

        account.ApplyFill(Fill(btc, OrderSide.Buy, 100m, time: 0), 0, 0);
        account.Mark(0, Price.FromDecimal(95m));
        tracker.RecordBar(60_000, account.Equity, account.HasOpenPosition);
        account.ApplyFill(Fill(btc, OrderSide.Sell, 120m, time: 60_000), 0, 1);
        tracker.RecordBar(120_000, account.Equity, account.HasOpenPosition);

        var report = tracker.BuildReport(PerformanceTracker.PeriodsPerYear(60_000), 0m);

        Assert.Equal(1, report.TradeCount);
        Assert.Equal(account.Equity - account.InitialCash, report.Expectancy);
        Assert.Equal(account.Equity - account.InitialCash, report.NetProfit);
        Assert.Equal(0.5, report.Exposure);
        Assert.Equal(5.5 / 1_000, report.MaxDrawdown, 12);
    }

    private static Fill Fill(Instrument instrument, OrderSide side, decimal price, long time) =>
        new(new ClientOrderId(1), instrument, side, Price.FromDecimal(price), Quantity.FromWhole(1), 0.5m, instrument.QuoteAsset, Liquidity.Taker, time);
}
