using System.Globalization;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Testing.Tests.Plugins;

namespace CryptoOrchestrator.Sdk.Testing.Tests;

public class StrategyHarnessDataTests
{
    private static readonly string Slice = Path.Combine(AppContext.BaseDirectory, "TestData", "BTCUSDT-1h-2022-01.csv");
    private static readonly string Broken = Path.Combine(AppContext.BaseDirectory, "TestData", "BTCUSDT-1h-broken.csv");

    [Fact]
    public void FeedCsv_ReadsABinanceKlineSlice_BarByBar()
    {
        var harness = new StrategyHarness(new SmaCrossStrategy(), new HarnessOptions { Parameters = { ["fast"] = "5", ["slow"] = "20" } });

        harness.FeedCsv(Slice);

        var rows = KlineRows();
        Assert.Equal(120, rows.Count);
        Assert.Equal(rows.Select(r => r.CloseTime), harness.EquityCurve.Select(p => p.Time));
        Assert.Equal(rows[^1].CloseTime, harness.Now);
    }

    [Fact]
    public void FeedCsv_SignalsAtBarClosesOfTheFile_AndFillsAtTheNextBarsOpen()
    {
        var harness = new StrategyHarness(new SmaCrossStrategy(), new HarnessOptions { Parameters = { ["fast"] = "5", ["slow"] = "20" } });

        harness.FeedCsv(Slice);

        var rows = KlineRows();
        Assert.True(harness.Fills.Count >= 2, $"only {harness.Fills.Count} fills: the check would say little");
        Assert.All(harness.Signals, s => Assert.Contains(rows, r => r.CloseTime == s.Time));
        Assert.All(harness.Fills, fill =>
        {
            var index = rows.FindIndex(r => r.OpenTime == fill.Time);
            Assert.Equal(rows[index].Open, fill.Price);
            Assert.Contains(harness.Signals, s => s.Time == rows[index - 1].CloseTime);
        });
    }

    [Fact]
    public void FeedCsv_OfAMalformedFile_NamesTheFileAndLine()
    {
        var harness = new StrategyHarness(new SmaCrossStrategy());

        var error = Assert.Throws<MarketDataFormatException>(() => harness.FeedCsv(Broken));

        Assert.Equal((Broken, 4L), (error.FilePath, error.Line));
        Assert.Contains("BTCUSDT-1h-broken.csv, line 4", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.EquityCurve);
    }

    [Fact]
    public void FeedCsv_OfAFileNamingAnInstrumentNotInTheHarness_IsRefused_WhenSeveralCouldBeMeant()
    {
        var eth = Instrument.Spot("ETHUSDT");
        var sol = Instrument.Spot("SOLUSDT");
        var harness = new StrategyHarness(new SmaCrossStrategy(), new HarnessOptions { Instruments = [eth, sol] });

        var error = Assert.Throws<ArgumentException>(() => harness.FeedCsv(Slice));

        Assert.Contains("ETHUSDT, SOLUSDT", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The slice read by hand: open time, open price and close time of every row.</summary>
    private static List<(long OpenTime, Price Open, long CloseTime)> KlineRows() =>
        [.. File.ReadLines(Slice).Skip(1).Select(line => line.Split(',')).Select(f => (
            long.Parse(f[0], CultureInfo.InvariantCulture),
            Price.Parse(f[1]),
            long.Parse(f[6], CultureInfo.InvariantCulture)))];
}
