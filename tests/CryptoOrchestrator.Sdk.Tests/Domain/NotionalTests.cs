using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Tests.Domain;

public class NotionalTests
{
    [Theory]
    [InlineData("42150.25", "0.015", "632.25375")]
    [InlineData("0.00000001", "0.00000001", "0.0000000000000001")]
    [InlineData("99999.99999999", "12345.67891234", "1234567891.2338765432108766")]
    [InlineData("42150.25", "-2", "-84300.5")]
    [InlineData("-1.5", "-2", "3")]
    [InlineData("0", "5", "0")]
    public void Times_IsTheExactProduct(string price, string quantity, string product)
    {
        var expected = decimal.Parse(product, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, Price.Parse(price).Times(Quantity.Parse(quantity)));
        Assert.Equal(expected, Quantity.Parse(quantity).Times(Price.Parse(price)));
    }

    [Fact]
    public void Times_AgreesWithDecimalMultiplication_OverManyValues()
    {
        var random = new Random(3);
        for (var i = 0; i < 10_000; i++)
        {
            var price = Price.FromUnits(random.NextInt64(-10_000_000_000_000, 10_000_000_000_000));
            var quantity = Quantity.FromUnits(random.NextInt64(-10_000_000_000_000, 10_000_000_000_000));
            Assert.Equal(price.ToDecimal() * quantity.ToDecimal(), price.Times(quantity));
        }
    }

    [Fact]
    public void Times_RefusesProductsBeyondDecimal()
    {
        var error = Assert.Throws<OverflowException>(() => Price.FromUnits(long.MaxValue).Times(Quantity.FromUnits(long.MaxValue)));
        Assert.Contains("exceeds the range of decimal", error.Message, StringComparison.Ordinal);
    }
}
