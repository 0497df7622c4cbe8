using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Sdk.Domain;
using FsCheck;
using FsCheck.Fluent;

namespace CryptoOrchestrator.Engine.Tests.MarketData;

public sealed class CsvRoundTripPropertyTests
{
    [Fact]
    public void AnyPriceWritten_IsReadBackExactly()
    {
        using var folder = new TempFolder();
        var path = folder.File("X-prices.csv");
        Prop.ForAll<long, long, ulong>((a, b, volume) =>
        {
            // Any pair of 10^-8 counts up to the largest Price, including whole-part boundary values.
            var low = Price.FromUnits(Math.Min(Math.Abs(a % long.MaxValue), Math.Abs(b % long.MaxValue)) + 1);
            var high = Price.FromUnits(Math.Max(Math.Abs(a % long.MaxValue), Math.Abs(b % long.MaxValue)) + 1);
            var quantity = Quantity.FromUnits((long)(volume % long.MaxValue));
            File.WriteAllText(path, $"time,open,high,low,close,volume\n1700000000000,{low},{high},{low},{high},{quantity}\n");

            var bar = CsvBarReader.Read(path).Bars[0];

            Assert.Equal((low, high, quantity), (bar.Open, bar.High, bar.Volume));
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("92233720368.54775807", true)]
    [InlineData("92233720368.54775808", false)]
    [InlineData("92233720369", false)]
    [InlineData("000000000000001.5", true)]
    [InlineData("0.000000010", true)]
    [InlineData("0.000000011", false)]
    [InlineData("5.", true)]
    [InlineData(".5", true)]
    [InlineData(".", false)]
    [InlineData("1.2.3", false)]
    [InlineData(" 7.25\r", true)]
    public void PriceField_AcceptsOnlyExactlyRepresentableNumbers(string text, bool exact)
    {
        Assert.Equal(exact, Price.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out _));
    }
}
