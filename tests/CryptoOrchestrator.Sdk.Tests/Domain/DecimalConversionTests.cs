using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Tests.Domain;

public class DecimalConversionTests
{
    public static TheoryData<decimal> ExactValues => [0m, 1m, -1m, 0.00000001m, -0.00000001m, 42150.25m, 0.015m, 92233720368.54775807m, -92233720368.54775808m, 1.50000000000m];

    [Theory]
    [MemberData(nameof(ExactValues))]
    public void FromDecimal_ThenToDecimal_GivesBackTheSameNumber(decimal value)
    {
        Assert.Equal(value, Price.FromDecimal(value).ToDecimal());
        Assert.Equal(value, Quantity.FromDecimal(value).ToDecimal());
    }

    [Fact]
    public void ToDecimal_CountsUnitsAsHundredMillionths()
    {
        Assert.Equal(0.00000001m, Price.FromUnits(1).ToDecimal());
        Assert.Equal(-92233720368.54775808m, Price.FromUnits(long.MinValue).ToDecimal());
        Assert.Equal(92233720368.54775807m, Quantity.FromUnits(long.MaxValue).ToDecimal());
    }

    [Theory]
    [InlineData("1.123456789")]
    [InlineData("0.000000005")]
    [InlineData("-3.0000000001")]
    public void FromDecimal_RefusesMoreThanEightDecimals_RatherThanRounding(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var error = Assert.Throws<ArgumentException>(() => Price.FromDecimal(value));
        Assert.Contains("more than 8 decimal places", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Price), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(Quantity), Assert.Throws<ArgumentException>(() => Quantity.FromDecimal(value)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("92233720368.54775808")]
    [InlineData("-92233720368.54775809")]
    [InlineData("1000000000000")]
    public void FromDecimal_RefusesValuesOutsideTheRange(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Throws<OverflowException>(() => Price.FromDecimal(value));
        Assert.Throws<OverflowException>(() => Quantity.FromDecimal(value));
    }

    [Fact]
    public void FromWhole_CountsCoins_AndRefusesOverflow()
    {
        Assert.Equal(3m, Quantity.FromWhole(3).ToDecimal());
        Assert.Throws<OverflowException>(() => Quantity.FromWhole(100_000_000_000));
    }

    [Fact]
    public void Arithmetic_RefusesOverflow_RatherThanWrapping()
    {
        Assert.Throws<OverflowException>(() => Price.FromUnits(long.MaxValue) + Price.FromUnits(1));
        Assert.Throws<OverflowException>(() => Quantity.FromUnits(long.MinValue) - Quantity.FromUnits(1));
        Assert.Throws<OverflowException>(() => -Quantity.FromUnits(long.MinValue));
    }
}
