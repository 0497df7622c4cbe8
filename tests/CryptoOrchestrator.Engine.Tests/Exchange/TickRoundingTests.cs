using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Sdk.Domain;
using FsCheck;
using FsCheck.Fluent;
using static CryptoOrchestrator.Engine.Tests.Exchange.TestMarket;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

public class TickRoundingTests
{
    [Theory]
    [InlineData("100.001", OrderSide.Buy, "100.01")]
    [InlineData("100.009", OrderSide.Sell, "100")]
    [InlineData("100.0000000001", OrderSide.Buy, "100.01")]
    [InlineData("100.01", OrderSide.Buy, "100.01")]
    [InlineData("100.01", OrderSide.Sell, "100.01")]
    public void FillPrice_IsRoundedUpForBuys_AndDownForSells(string price, OrderSide side, string expected)
    {
        var exact = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(Px(expected), TickRounding.AgainstTrader(side, exact, BtcUsdt));
    }

    [Fact]
    public void RoundedFillPrice_IsOnTheTick_AndWithinOneTickOnTheTradersWorseSide_ForAnyPrice()
    {
        var tick = BtcUsdt.TickSize.ToDecimal();

        // Prices from 0.01 to about 21 million with ten decimals: finer than any price type can hold.
        var prices = Gen.Choose(1, int.MaxValue).Zip(Gen.Choose(0, 999_999_999), (whole, fraction) => (whole / 100m) + (fraction / 1e10m));
        Prop.ForAll(Arb.From(prices), exact =>
        {
            var buy = TickRounding.AgainstTrader(OrderSide.Buy, exact, BtcUsdt);
            var sell = TickRounding.AgainstTrader(OrderSide.Sell, exact, BtcUsdt);
            return buy.IsMultipleOf(BtcUsdt.TickSize) && sell.IsMultipleOf(BtcUsdt.TickSize)
                && buy.ToDecimal() >= exact && buy.ToDecimal() - exact < tick
                && sell.ToDecimal() <= exact && exact - sell.ToDecimal() < tick;
        }).QuickCheckThrowOnFailure();
    }
}
