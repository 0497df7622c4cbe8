using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Accounting.TestFills;

namespace CryptoOrchestrator.Engine.Tests.Accounting;

public class PortfolioExampleTests
{
    private readonly TradeRecorder trades = new();

    private Portfolio NewAccount(int owners = 1)
    {
        var account = new Portfolio(10_000m, [Btc, Eth], owners) { TradeListener = trades };
        return account;
    }

    [Fact]
    public void BuyThenSellHigher_BooksExactCashRealizedFeesAndOneTrade()
    {
        var account = NewAccount();

        account.ApplyFill(Buy(Btc, 1m, 100m, fee: 0.1m, time: 1_000), owner: 0, barIndex: 3);
        account.ApplyFill(Sell(Btc, 1m, 110m, fee: 0.11m, time: 5_000), owner: 0, barIndex: 7);

        Assert.Equal(10_009.79m, account.Cash);
        Assert.Equal(10_009.79m, account.Equity);
        Assert.Equal(10m, account.RealizedPnl);
        Assert.Equal(0.21m, account.TotalFees);
        Assert.Equal(0m, account.UnrealizedPnl);
        Assert.False(account.HasOpenPosition);
        var trade = Assert.Single(trades.Trades);
        Assert.Equal(Btc, trade.Instrument);
        Assert.Equal(0, trade.Owner);
        Assert.Equal(PositionSide.Long, trade.Side);
        Assert.Equal(1_000, trade.EntryTime);
        Assert.Equal(5_000, trade.ExitTime);
        Assert.Equal(3, trade.EntryBar);
        Assert.Equal(7, trade.ExitBar);
        Assert.Equal(Quantity.FromWhole(1), trade.Quantity);
        Assert.Equal(100m, trade.EntryPrice);
        Assert.Equal(110m, trade.ExitPrice);
        Assert.Equal(10m, trade.GrossPnl);
        Assert.Equal(0.21m, trade.Fees);
        Assert.Equal(9.79m, trade.NetPnl);
        Assert.Equal(0.0979, trade.ReturnFraction, 12);
        Assert.Equal(TimeSpan.FromSeconds(4), trade.Duration);
    }

    [Fact]
    public void ShortThenCoverLower_ProfitsFromTheFall()
    {
        var account = NewAccount();

        account.ApplyFill(Sell(Btc, 2m, 50m, fee: 0.1m, time: 10), 0, 0);
        var shortPosition = account.GetPosition(0);
        Assert.Equal(Quantity.FromWhole(-2), shortPosition.Quantity);
        Assert.Equal(-100m, shortPosition.CostBasis);
        Assert.Equal(10_099.9m, account.Cash);

        account.Mark(0, Price.FromDecimal(45m));
        Assert.Equal(10m, account.UnrealizedPnl);
        Assert.Equal(10_009.9m, account.Equity);

        account.ApplyFill(Buy(Btc, 2m, 40m, fee: 0.08m, time: 20), 0, 1);

        Assert.Equal(20m, account.RealizedPnl);
        Assert.Equal(10_019.82m, account.Cash);
        Assert.Equal(account.Cash, account.Equity);
        var trade = Assert.Single(trades.Trades);
        Assert.Equal(PositionSide.Short, trade.Side);
        Assert.Equal(50m, trade.EntryPrice);
        Assert.Equal(40m, trade.ExitPrice);
        Assert.Equal(20m, trade.GrossPnl);
        Assert.Equal(0.18m, trade.Fees);
        Assert.Equal(19.82m / 100m, (decimal)trade.ReturnFraction, 12);
    }

    [Fact]
    public void FillThroughZero_ClosesOneTradeAndOpensTheNext_SplittingTheFeeByQuantity()
    {
        var account = NewAccount();

        account.ApplyFill(Buy(Btc, 1m, 100m, fee: 0.1m, time: 100), 0, 1);
        account.ApplyFill(Sell(Btc, 3m, 120m, fee: 0.36m, time: 200), 0, 2);

        var first = Assert.Single(trades.Trades);
        Assert.Equal(PositionSide.Long, first.Side);
        Assert.Equal(20m, first.GrossPnl);
        Assert.Equal(0.22m, first.Fees);
        Assert.Equal(200, first.ExitTime);
        var reversed = account.GetPosition(0);
        Assert.Equal(Quantity.FromWhole(-2), reversed.Quantity);
        Assert.Equal(-240m, reversed.CostBasis);
        Assert.Equal(200, reversed.OpenedAt);
        Assert.Equal(0.24m, account.OpenTradeFees(0));

        account.ApplyFill(Buy(Btc, 2m, 110m, fee: 0.22m, time: 300), 0, 3);

        Assert.Equal(2, trades.Trades.Count);
        var second = trades.Trades[1];
        Assert.Equal(PositionSide.Short, second.Side);
        Assert.Equal(0, second.Owner);
        Assert.Equal(200, second.EntryTime);
        Assert.Equal(2, second.EntryBar);
        Assert.Equal(300, second.ExitTime);
        Assert.Equal(Quantity.FromWhole(2), second.Quantity);
        Assert.Equal(120m, second.EntryPrice);
        Assert.Equal(110m, second.ExitPrice);
        Assert.Equal(20m, second.GrossPnl);
        Assert.Equal(0.46m, second.Fees);
        Assert.Equal(40m, account.RealizedPnl);
        Assert.Equal(0.68m, account.TotalFees);
        Assert.Equal(10_039.32m, account.Cash);
    }

    [Fact]
    public void PartialClose_RemovesCostProportionally_AndConservesItExactlyWhenTheDivisionRounds()
    {
        var account = NewAccount();
        account.ApplyFill(Buy(Btc, 1m, 3m), 0, 0);
        account.ApplyFill(Buy(Btc, 2m, 3.5m), 0, 1);
        Assert.Equal(10m, account.GetPosition(0).CostBasis);

        account.ApplyFill(Sell(Btc, 1m, 4m), 0, 2);

        // 10 × 1/3 rounded to 16 places leaves the basis; the proceeds minus exactly that is realized.
        var afterFirst = account.GetPosition(0);
        Assert.Equal(6.6666666666666667m, afterFirst.CostBasis);
        Assert.Equal(0.6666666666666667m, account.RealizedPnl);
        Assert.Equal(Quantity.FromWhole(2), afterFirst.Quantity);
        Assert.Empty(trades.Trades);
        Assert.Equal(0.6666666666666667m, account.OpenTradeGrossPnl(0));

        account.ApplyFill(Sell(Btc, 2m, 4m), 0, 3);

        Assert.Equal(2m, account.RealizedPnl);
        Assert.Equal(0m, account.GetPosition(0).CostBasis);
        Assert.Equal(2m, account.GetPosition(0).RealizedPnl);
        var trade = Assert.Single(trades.Trades);
        Assert.Equal(Quantity.FromWhole(3), trade.Quantity);
        Assert.Equal(10m / 3m, trade.EntryPrice);
        Assert.Equal(4m, trade.ExitPrice);
        Assert.Equal(2m, trade.GrossPnl);
    }

    [Theory]
    [InlineData(1, 2, 2)] // basis 3 × 10^-16, half is 1.5: rounds up to the even 2
    [InlineData(1, 4, 2)] // basis 5 × 10^-16, half is 2.5: rounds down to the even 2
    public void PartialClose_RoundsACostShareTieToEven(long firstPriceUnits, long secondPriceUnits, long removedUnits)
    {
        // The smallest tick and lot, so the cost basis counts single units of 10^-16.
        var tiny = Instrument.Spot("TINYUSDT");
        var account = new Portfolio(10m, [tiny], owners: 1);
        Fill One(OrderSide side, long priceUnits) =>
            new(new ClientOrderId(1), tiny, side, Price.FromUnits(priceUnits), Quantity.FromUnits(1), 0m, "USDT", Liquidity.Taker, 0);
        account.ApplyFill(One(OrderSide.Buy, firstPriceUnits), 0, 0);
        account.ApplyFill(One(OrderSide.Buy, secondPriceUnits), 0, 0);
        var basis = account.GetPosition(0).CostBasis;

        account.ApplyFill(One(OrderSide.Sell, 1), 0, 1);

        var unit = 0.0000000000000001m;
        Assert.Equal(basis - (removedUnits * unit), account.GetPosition(0).CostBasis);
        Assert.Equal(unit - (removedUnits * unit), account.RealizedPnl);
    }

    [Fact]
    public void ScalingIn_AveragesTheEntryPrice_AndTradeRecordsLargestSize()
    {
        var account = NewAccount();
        account.ApplyFill(Buy(Btc, 1m, 100m), 0, 0);
        account.ApplyFill(Buy(Btc, 3m, 104m), 0, 1);
        Assert.Equal(103m, account.GetPosition(0).AverageEntryPrice);

        account.ApplyFill(Sell(Btc, 2m, 110m), 0, 2);
        account.ApplyFill(Sell(Btc, 2m, 100m), 0, 3);

        var trade = Assert.Single(trades.Trades);
        Assert.Equal(Quantity.FromWhole(4), trade.Quantity);
        Assert.Equal(103m, trade.EntryPrice);
        Assert.Equal(105m, trade.ExitPrice);
        Assert.Equal(8m, trade.GrossPnl);
    }

    [Fact]
    public void Mark_RevaluesOpenPositions_AndTracksNetAndGrossExposure()
    {
        var account = NewAccount();
        account.ApplyFill(Buy(Btc, 2m, 100m), 0, 0);
        account.ApplyFill(Sell(Eth, 1m, 50m), 0, 0);

        account.Mark(0, Price.FromDecimal(105m));
        account.Mark(1, Price.FromDecimal(60m));

        Assert.Equal(10_000m - 200m + 50m, account.Cash);
        Assert.Equal(account.Cash + 210m - 60m, account.Equity);
        Assert.Equal(10m - 10m, account.UnrealizedPnl);
        Assert.Equal(150m, account.NetExposure);
        Assert.Equal(270m, account.GrossExposure);
        Assert.Equal(Price.FromDecimal(60m), account.LastPrice(Eth));
        Assert.True(account.HasOpenPosition);
    }

    [Fact]
    public void Fill_SetsTheLastPrice_SoEquityIsRightBeforeTheFirstMark()
    {
        var account = NewAccount();

        account.ApplyFill(Buy(Btc, 1m, 100m, fee: 1m), 0, 0);

        Assert.Equal(Price.FromDecimal(100m), account.LastPrice(0));
        Assert.Equal(9_999m, account.Equity);
    }

    [Fact]
    public void Equity_StaysExact_WhenAFeeHasMoreDecimalsThanAPriceTimesQuantity()
    {
        var account = NewAccount();
        const decimal fee = 0.00000000000000000123m;

        account.ApplyFill(Buy(Btc, 1m, 100m, fee), 0, 0);
        account.Mark(0, Price.FromDecimal(100.01m));

        Assert.Equal(10_000m - 100m - fee, account.Cash);
        Assert.Equal(10_000m + 0.01m - fee, account.Equity);
        Assert.Equal(0.01m, account.UnrealizedPnl);
    }

    [Fact]
    public void Ledgers_SplitTheAccountByOwner_AndAddUpToItsGain()
    {
        var account = NewAccount(owners: 2);
        var ledgerTrades = new TradeRecorder();
        account.Ledger(1).TradeListener = ledgerTrades;

        account.ApplyFill(Buy(Btc, 1m, 100m, fee: 0.5m), owner: 0, barIndex: 0);
        account.ApplyFill(Sell(Btc, 1m, 110m, fee: 0.25m), owner: 1, barIndex: 1);
        account.Mark(0, Price.FromDecimal(105m));

        // Netted, the account is flat with 10 realized; each owner still holds its own side.
        Assert.False(account.HasOpenPosition);
        Assert.Equal(10m, account.RealizedPnl);
        Assert.Single(trades.Trades);
        Assert.Empty(ledgerTrades.Trades);
        var buyer = account.Ledger(0);
        var seller = account.Ledger(1);
        Assert.Equal(0m, buyer.InitialCash);
        Assert.Equal(Quantity.FromWhole(1), buyer.GetPosition(0).Quantity);
        Assert.Equal(-110m, seller.GetPosition(0).CostBasis);
        Assert.Equal(4.5m, buyer.Equity);
        Assert.Equal(4.75m, seller.Equity);
        Assert.Equal(5m, buyer.UnrealizedPnl);
        Assert.Equal(0m, buyer.RealizedPnl);
        Assert.Equal(0.5m, buyer.TotalFees);
        Assert.True(seller.HasOpenPosition);
        Assert.Equal(account.Equity - account.InitialCash, buyer.Equity + seller.Equity + account.Ledger(-1).Equity);

        account.ApplyFill(Buy(Btc, 1m, 104m), owner: 1, barIndex: 2);

        var ownersTrade = Assert.Single(ledgerTrades.Trades);
        Assert.Equal(1, ownersTrade.Owner);
        Assert.Equal(6m, ownersTrade.GrossPnl);
        Assert.Equal(0.25m, ownersTrade.Fees);
    }

    [Fact]
    public void PipelineOwner_HasItsOwnLedger()
    {
        var account = NewAccount(owners: 0);

        account.ApplyFill(Buy(Btc, 1m, 100m), owner: -1, barIndex: 0);

        Assert.Equal(-1, account.Ledger(-1).Owner);
        Assert.Equal(-100m, account.Ledger(-1).Cash);
        Assert.Equal(0, account.OwnerCount);
    }

    [Fact]
    public void FeeInAnotherAsset_IsRefused_NamingTheAsset_AndNothingIsBooked()
    {
        var account = NewAccount();
        var fill = Buy(Btc, 1m, 100m, fee: 0.001m) with { FeeAsset = "BNB" };

        var error = Assert.Throws<ArgumentException>(() => account.ApplyFill(fill, 0, 0));

        Assert.Contains("BNB", error.Message, StringComparison.Ordinal);
        Assert.Contains("BTCUSDT", error.Message, StringComparison.Ordinal);
        Assert.Equal(10_000m, account.Cash);
        Assert.True(account.GetPosition(0).IsFlat);
    }

    [Fact]
    public void ZeroFeeWithNoAsset_IsAccepted()
    {
        var account = NewAccount();

        account.ApplyFill(Buy(Btc, 1m, 100m) with { FeeAsset = "" }, 0, 0);

        Assert.Equal(9_900m, account.Cash);
    }

    [Fact]
    public void UnknownInstrument_IsRefused_NamingTheSymbol()
    {
        var account = NewAccount();
        var sol = Instrument.Spot("SOLUSDT");

        var error = Assert.Throws<ArgumentException>(() => account.ApplyFill(Buy(sol, 1m, 10m), 0, 0));

        Assert.Contains("SOLUSDT", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => account.IndexOf(sol));
    }

    [Fact]
    public void OwnerOutsideTheSlots_IsRefused()
    {
        var account = NewAccount(owners: 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => account.ApplyFill(Buy(Btc, 1m, 100m), owner: 2, barIndex: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => account.ApplyFill(Buy(Btc, 1m, 100m), owner: -2, barIndex: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => account.Ledger(2));
        Assert.Equal(10_000m, account.Cash);
    }

    [Theory]
    [InlineData("100.005", "1", "tick")]
    [InlineData("100", "0.0005", "lot")]
    [InlineData("100", "0", "quantity")]
    public void FillOffTheInstrumentsGrid_IsRefused_NamingTheField(string price, string quantity, string expected)
    {
        var account = NewAccount();
        var fill = new Fill(new ClientOrderId(9), Btc, OrderSide.Buy, Price.Parse(price), Quantity.Parse(quantity), 0m, "USDT", Liquidity.Taker, 0);

        var error = Assert.Throws<ArgumentException>(() => account.ApplyFill(fill, 0, 0));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("co-9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkOfUnknownIndexOrNonPositivePrice_IsRefused()
    {
        var account = NewAccount();

        Assert.Throws<ArgumentOutOfRangeException>(() => account.Mark(2, Price.FromDecimal(1m)));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => account.Mark(0, Price.Zero));
        Assert.Contains("BTCUSDT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InstrumentListedTwice_IsRefused_NamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new Portfolio(1m, [Btc, Btc], 1));

        Assert.Contains("BTCUSDT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PortfolioView_ReadsPositionsByInstrument()
    {
        Sdk.Context.IPortfolioView view = NewAccount();
        ((Portfolio)view).ApplyFill(Sell(Eth, 0.5m, 2_000m, time: 42), 0, 0);

        var position = view.GetPosition(Eth);

        Assert.Equal(Quantity.FromDecimal(-0.5m), position.Quantity);
        Assert.Equal(42, position.OpenedAt);
        Assert.Equal(Price.FromDecimal(2_000m), view.LastPrice(Eth));
        Assert.True(view.GetPosition(Btc).IsFlat);
    }
}
