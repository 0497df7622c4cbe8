using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Sdk.Domain;
using FsCheck;
using FsCheck.Fluent;

namespace CryptoOrchestrator.Engine.Tests.Accounting;

/// <summary>The integer money scale must agree with decimal arithmetic to the last digit and scale.</summary>
public class QuoteUnitsTests
{
    private static readonly Arbitrary<(long Price, long Quantity)[]> Products =
        (from price in Gen.OneOf(Gen.Choose(1, int.MaxValue).Select(p => (long)p), Gen.Choose(1, 1_000).Select(p => p * 100_000_000_000L))
         from quantity in Gen.OneOf(Gen.Choose(-int.MaxValue, int.MaxValue).Select(q => (long)q), Gen.Choose(-1_000, 1_000).Select(q => q * 1_000_000_000L))
         select (price, quantity)).ArrayOf().ToArbitrary();

    [Fact]
    public void SumOfProducts_EqualsDecimalSum_InValueAndScale()
    {
        Prop.ForAll(Products, products =>
        {
            Int128 units = 0;
            var expected = 0m;
            foreach (var (price, quantity) in products)
            {
                units += (Int128)price * quantity;
                expected += Price.FromUnits(price).Times(Quantity.FromUnits(quantity));
            }

            var actual = QuoteUnits.ToDecimal(units);
            Assert.Equal(expected, actual);
            Assert.Equal(QuoteUnits.Scale, actual.Scale);
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1000000")]
    [InlineData("-641097055.10803806")]
    [InlineData("0.0000000000000001")]
    [InlineData("-0.1234567890123456")]
    [InlineData("7922816251426.4337593543950335")]
    public void TryFromDecimal_RoundTrips_AmountsWithAtMost16Decimals(string text)
    {
        var amount = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(QuoteUnits.TryFromDecimal(amount, out var units));
        Assert.Equal(amount, QuoteUnits.ToDecimal(units));
    }

    [Fact]
    public void TryFromDecimal_Refuses_MoreThan16Decimals()
    {
        Assert.False(QuoteUnits.TryFromDecimal(0.00000000000000001m, out _));
    }

    [Fact]
    public void ToDecimal_KeepsLeadingDigits_BeyondTheDecimalMantissa()
    {
        // 2^100 units: more than 96 bits, so decimal cannot hold all 16 decimals.
        var units = Int128.One << 100;

        var value = QuoteUnits.ToDecimal(units);

        // The exact amount is 126765060022822.9401496703205376.
        Assert.Equal(126765060022822.94014967032m, decimal.Round(value, 11));
        Assert.Equal(-value, QuoteUnits.ToDecimal(-units));
    }
}
