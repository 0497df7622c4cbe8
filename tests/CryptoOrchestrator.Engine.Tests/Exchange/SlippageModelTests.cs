using System.Globalization;
using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

public class SlippageModelTests
{
    private static readonly Bar Quiet = Bar(0, "20000", "20000", "20000", "20000", volume: "100");

    private static Price Slipped(ISlippageModel model, OrderSide side, string reference, in Bar bar, string quantity = "1") =>
        model.Adjust(side, Px(reference), bar, Qty(quantity), BtcUsdt);

    [Fact]
    public void NoSlippage_FillsAtTheReference_AndCapsNothing()
    {
        Assert.Equal(Px("20000"), Slipped(NoSlippage.Instance, OrderSide.Buy, "20000", Quiet));
        Assert.Equal(Px("20000"), Slipped(NoSlippage.Instance, OrderSide.Sell, "20000", Quiet));
        Assert.Equal(Qty("5000"), NoSlippage.Instance.MaxFill(Quiet, Qty("5000")));
    }

    [Theory]
    [InlineData(OrderSide.Buy, "20020")]
    [InlineData(OrderSide.Sell, "19980")]
    public void FixedBps_MovesThePriceAgainstTheTrader(OrderSide side, string expected)
    {
        // 10 bps of 20,000 is 20.
        Assert.Equal(Px(expected), Slipped(new FixedBpsSlippage(10m), side, "20000", Quiet));
    }

    [Theory]
    [InlineData(OrderSide.Buy, "100.07")]
    [InlineData(OrderSide.Sell, "99.95")]
    public void FixedBps_OffTheTick_RoundsAgainstTheTrader(OrderSide side, string expected)
    {
        // 5 bps of 100.01 is 0.0500050: 100.0600050 up for a buy, 99.9599950 down for a sell.
        Assert.Equal(Px(expected), Slipped(new FixedBpsSlippage(5m), side, "100.01", Quiet));
    }

    [Theory]
    [InlineData("0.1", "105", "95", OrderSide.Buy, "101")]
    [InlineData("0.1", "105", "95", OrderSide.Sell, "99")]
    [InlineData("0.15", "105.07", "95", OrderSide.Buy, "101.52")]
    [InlineData("0.15", "105.07", "95", OrderSide.Sell, "98.48")]
    public void BarRange_MovesThePriceByAFractionOfTheHighLowRange(string fraction, string high, string low, OrderSide side, string expected)
    {
        // 0.1 × 10 = 1; 0.15 × 10.07 = 1.5105 (101.5105 up, 98.4895 down).
        var bar = Bar(0, "100", high, low, "100");

        Assert.Equal(Px(expected), Slipped(new BarRangeSlippage(decimal.Parse(fraction, CultureInfo.InvariantCulture)), side, "100", bar));
    }

    [Theory]
    [InlineData(OrderSide.Buy, "2", "20000.8")]
    [InlineData(OrderSide.Sell, "2", "19999.2")]
    [InlineData(OrderSide.Buy, "4", "20001.25")]
    public void VolumeShare_ImpactIsPriceImpactTimesShareSquaredTimesPrice_WithTheShareCapped(OrderSide side, string quantity, string expected)
    {
        // 2 of 100: 0.1 × 0.02² × 20,000 = 0.8. 4 of 100 is capped at 2.5%: 0.1 × 0.025² × 20,000 = 1.25.
        Assert.Equal(Px(expected), Slipped(new VolumeShareSlippage(0.1m, 0.025m), side, "20000", Quiet, quantity));
    }

    [Theory]
    [InlineData(OrderSide.Buy, "20101.26")]
    [InlineData(OrderSide.Sell, "20098.74")]
    public void VolumeShare_OffTheTick_RoundsAgainstTheTrader(OrderSide side, string expected)
    {
        // 0.1 × 0.025² × 20,100 = 1.25625.
        Assert.Equal(Px(expected), Slipped(new VolumeShareSlippage(0.1m, 0.025m), side, "20100", Quiet, "2.5"));
    }

    [Theory]
    [InlineData("100", "10", "2.5")]
    [InlineData("100", "1", "1")]
    [InlineData("0", "1", "0")]
    public void VolumeShare_MaxFill_IsAtMostTheVolumeLimitShareOfTheBar(string volume, string wanted, string expected)
    {
        var bar = Bar(0, "1", "1", "1", "1", volume);

        Assert.Equal(Qty(expected), new VolumeShareSlippage(0.1m, 0.025m).MaxFill(bar, Qty(wanted)));
    }

    [Fact]
    public void VolumeShare_MaxFill_IsRoundedDownToTheHundredMillionth()
    {
        // Half of 0.00000003 is 0.000000015.
        var bar = Bar(0, "1", "1", "1", "1", "0.00000003");

        Assert.Equal(Qty("0.00000001"), new VolumeShareSlippage(0.1m, 0.5m).MaxFill(bar, Qty("1")));
    }

    [Fact]
    public void SaleSlippedBelowZero_IsFloorPricedAtOneTick()
    {
        var crash = Bar(0, "100", "100", "10", "10");

        Assert.Equal(Px("0.01"), Slipped(new BarRangeSlippage(1m), OrderSide.Sell, "10", crash));
    }

    [Fact]
    public void ImpossibleParameters_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedBpsSlippage(-1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BarRangeSlippage(-0.1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BarRangeSlippage(1.1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VolumeShareSlippage(-0.1m, 0.025m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VolumeShareSlippage(0.1m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VolumeShareSlippage(0.1m, 1.5m));
    }
}
