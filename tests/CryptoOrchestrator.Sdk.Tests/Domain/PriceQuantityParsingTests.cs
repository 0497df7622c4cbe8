using System.Text;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Tests.Domain;

public class PriceQuantityParsingTests
{
    [Theory]
    [InlineData("42150.25", 4_215_025_000_000L)]
    [InlineData("0.00000001", 1L)]
    [InlineData("1", 100_000_000L)]
    [InlineData("1.", 100_000_000L)]
    [InlineData(".5", 50_000_000L)]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("-1.5", -150_000_000L)]
    [InlineData("+1.5", 150_000_000L)]
    [InlineData("007.10", 710_000_000L)]
    [InlineData("1.123456780000", 112_345_678L)]
    [InlineData("  7.5\t", 750_000_000L)]
    [InlineData("3\r", 300_000_000L)]
    [InlineData("92233720368.54775807", long.MaxValue)]
    [InlineData("-92233720368.54775808", long.MinValue)]
    public void Parse_IsExact(string text, long units)
    {
        Assert.Equal(units, Price.Parse(text).Units);
        Assert.Equal(units, Quantity.Parse(text).Units);
        Assert.True(Price.TryParse(Encoding.UTF8.GetBytes(text), out var fromUtf8));
        Assert.Equal(units, fromUtf8.Units);
        Assert.True(Quantity.TryParse(Encoding.UTF8.GetBytes(text), out var quantityFromUtf8));
        Assert.Equal(units, quantityFromUtf8.Units);
    }

    [Theory]
    [InlineData("1.123456789")]
    [InlineData("0.000000001")]
    [InlineData("-0.000000015")]
    public void Parse_RefusesMoreThanEightSignificantDecimals_RatherThanRounding(string text)
    {
        var error = Assert.Throws<FormatException>(() => Price.Parse(text));
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Quantity.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData(".")]
    [InlineData("--1")]
    [InlineData("+-1")]
    [InlineData("1-")]
    [InlineData("1.2.3")]
    [InlineData("1e3")]
    [InlineData("1,5")]
    [InlineData("1 000")]
    [InlineData("abc")]
    [InlineData("0x10")]
    [InlineData("١٢")]
    [InlineData("12\n")]
    [InlineData("92233720368.54775808")]
    [InlineData("92233720368.99999999")]
    [InlineData("-92233720368.54775809")]
    [InlineData("92233720369")]
    [InlineData("99999999999999999999")]
    public void Parse_RefusesGarbageAndOutOfRange(string text)
    {
        Assert.Throws<FormatException>(() => Price.Parse(text));
        Assert.Throws<FormatException>(() => Quantity.Parse(text));
        Assert.False(Price.TryParse(text.AsSpan(), out _));
        Assert.False(Quantity.TryParse(Encoding.UTF8.GetBytes(text), out _));
    }

    [Fact]
    public void TryParse_RefusesTextLongerThanAnyPrice()
    {
        Assert.False(Price.TryParse(("1." + new string('0', 70)).AsSpan(), out _));
    }

    [Fact]
    public void Parse_RefusesNull()
    {
        Assert.Throws<ArgumentNullException>(() => Price.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => Quantity.Parse(null!));
    }
}
