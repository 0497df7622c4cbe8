using System.Globalization;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Tests.Domain;

public class PriceQuantityFormattingTests
{
    [Theory]
    [InlineData(150_000_000L, "1.5")]
    [InlineData(1L, "0.00000001")]
    [InlineData(-1L, "-0.00000001")]
    [InlineData(-4_200_000_000L, "-42")]
    [InlineData(0L, "0")]
    [InlineData(4_215_025_000_000L, "42150.25")]
    [InlineData(long.MaxValue, "92233720368.54775807")]
    [InlineData(long.MinValue, "-92233720368.54775808")]
    public void ToString_WritesInvariantTextWithoutTrailingZeros(long units, string text)
    {
        Assert.Equal(text, Price.FromUnits(units).ToString());
        Assert.Equal(text, Quantity.FromUnits(units).ToString());
    }

    [Fact]
    public void Formatting_IgnoresTheCurrentCulture()
    {
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("1234.5", $"{Price.FromDecimal(1234.5m)}");
            Assert.Equal("-0.25", Quantity.FromDecimal(-0.25m).ToString("N2", CultureInfo.CurrentCulture));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void TryFormat_ReportsFailure_WhenTheDestinationIsTooSmall()
    {
        Span<char> small = stackalloc char[4];
        Assert.False(Price.FromDecimal(42150.25m).TryFormat(small, out var written, default, null));
        Assert.Equal(0, written);

        Span<char> exact = stackalloc char[8];
        Assert.True(Price.FromDecimal(42150.25m).TryFormat(exact, out written, default, null));
        Assert.Equal("42150.25", exact[..written].ToString());
    }

    [Fact]
    public void FormatThenParse_GivesBackTheSameValue()
    {
        var random = new Random(11);
        for (var i = 0; i < 10_000; i++)
        {
            var units = random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(0, 60);
            Assert.Equal(units, Price.Parse(Price.FromUnits(units).ToString()).Units);
        }
    }
}
