using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Testing.Tests;

public class TestBarsTests
{
    [Fact]
    public void FromCloses_MakesMinuteBarsFromNewYear2024_EachOpeningAtThePreviousClose()
    {
        var bars = TestBars.FromCloses(100m, 102.5m, 101m);

        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Equal(
            [
                new Bar(start, start + 59_999, P(100m), P(100m), P(100m), P(100m), Quantity.FromWhole(1)),
                new Bar(start + 60_000, start + 119_999, P(100m), P(102.5m), P(100m), P(102.5m), Quantity.FromWhole(1)),
                new Bar(start + 120_000, start + 179_999, P(102.5m), P(102.5m), P(101m), P(101m), Quantity.FromWhole(1)),
            ],
            bars);
    }

    [Fact]
    public void FromCloses_TakesAnIntervalAndStart()
    {
        var start = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

        var bars = TestBars.FromCloses(TimeSpan.FromHours(1), start, 10m, 11m);

        Assert.Equal([start.ToUnixTimeMilliseconds(), start.AddHours(1).ToUnixTimeMilliseconds()], bars.Select(b => b.OpenTime));
        Assert.Equal(start.AddHours(2).ToUnixTimeMilliseconds() - 1, bars[1].CloseTime);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void FromCloses_RefusesAPriceThatIsNotPositive_NamingItsIndex(decimal bad)
    {
        var error = Assert.Throws<ArgumentException>(() => TestBars.FromCloses(100m, bad));

        Assert.Contains("index 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RefusesABarThatCannotExist()
    {
        var error = Assert.Throws<ArgumentException>(() => TestBars.Create(TestBars.DefaultStart, TimeSpan.FromMinutes(1), 100m, 99m, 98m, 100m));

        Assert.Contains("open is outside [low, high]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RefusesAPriceFinerThanEightDecimals()
    {
        Assert.ThrowsAny<ArgumentException>(() => TestBars.Create(TestBars.DefaultStart, TimeSpan.FromMinutes(1), 100.123456789m, 101m, 99m, 100m));
    }

    [Fact]
    public void Create_RefusesAnIntervalThatIsNotWholeMilliseconds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TestBars.Create(TestBars.DefaultStart, TimeSpan.FromTicks(15_000), 1m, 1m, 1m, 1m));
    }

    private static Price P(decimal value) => Price.FromDecimal(value);
}
