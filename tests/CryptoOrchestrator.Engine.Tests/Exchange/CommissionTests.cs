using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

public class CommissionTests
{
    private static readonly CommissionSchedule BinanceRegular = new(MakerRate: 0.0002m, TakerRate: 0.0004m, FixedPerOrder: 0m);

    [Fact]
    public void TakerFill_PaysTheTakerRate_InTheQuoteAsset()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Commission = BinanceRegular });
        h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("0.01")));

        h.FlatBar("50000");

        // 0.01 × 50,000 = 500 USDT at 0.04%.
        var fill = Assert.Single(h.Events.Fills);
        Assert.Equal(0.2m, fill.Fee);
        Assert.Equal("USDT", fill.FeeAsset);
    }

    [Fact]
    public void MakerFill_PaysTheMakerRate()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Commission = BinanceRegular });
        h.FlatBar("50000");
        h.Submit(OrderRequest.Limit(BtcUsdt, OrderSide.Buy, Qty("0.01"), Px("49900")));

        h.Bar("50000", "50000", "49800", "49900");

        // 0.01 × 49,900 = 499 USDT at 0.02%.
        Assert.Equal(0.0998m, Assert.Single(h.Events.Fills).Fee);
    }

    [Fact]
    public void FixedFee_IsChargedOnTheOrdersFirstFillOnly()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions
        {
            Commission = new CommissionSchedule(0m, 0.001m, 1.5m),
            Slippage = new VolumeShareSlippage(0m, 0.5m),
        });
        h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("2")));

        h.FlatBar("20000", volume: "2");
        h.FlatBar("20100", volume: "2");

        // 1 BTC per bar: 20 + 1.5 fixed, then 20.1 alone.
        Assert.Equal([21.5m, 20.1m], h.Events.Fills.Select(f => f.Fee));
    }

    [Fact]
    public void Fee_IsRoundedUpToTheNextHundredMillionth()
    {
        var h = new ExchangeHarness(new SimulatedExchangeOptions { Commission = CommissionSchedule.Flat(0.001m) });
        h.Submit(OrderRequest.Market(BtcUsdt, OrderSide.Buy, Qty("0.00001")));

        h.FlatBar("50000.01");

        // 0.00001 × 50,000.01 = 0.5000001; at 0.1% that is 0.0005000001, charged as 0.00050001.
        Assert.Equal(0.00050001m, Assert.Single(h.Events.Fills).Fee);
    }

    [Fact]
    public void MakerRebate_IsRoundedTowardsTheSmallerRebate()
    {
        var schedule = new CommissionSchedule(-0.0001m, 0.0004m, 0m);

        Assert.Equal(-0.00005m, schedule.Fee(0.5000001m, Liquidity.Maker, firstFillOfOrder: false));
    }

    [Fact]
    public void FlatSchedule_ChargesTheSameRateToMakersAndTakers_AndNoneChargesNothing()
    {
        var flat = CommissionSchedule.Flat(0.001m);

        Assert.Equal(0.5m, flat.Fee(500m, Liquidity.Maker, true));
        Assert.Equal(0.5m, flat.Fee(500m, Liquidity.Taker, true));
        Assert.Equal(0m, CommissionSchedule.None.Fee(500m, Liquidity.Taker, true));
    }

    [Fact]
    public void RatesOutsideMinusOneToOne_AndNegativeFixedFees_AreRefused_AlsoThroughWith()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommissionSchedule(1m, 0m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommissionSchedule(0m, -1m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommissionSchedule(0m, 0m, -0.01m));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => CommissionSchedule.None with { TakerRate = 2m });
        Assert.Equal("TakerRate", error.ParamName);
    }
}
