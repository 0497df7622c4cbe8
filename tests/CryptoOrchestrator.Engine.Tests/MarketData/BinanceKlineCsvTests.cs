using System.Globalization;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.MarketData.MarketDataFiles;

namespace CryptoOrchestrator.Engine.Tests.MarketData;

public sealed class BinanceKlineCsvTests
{
    private static readonly Bar FirstJanuaryBar = Bar(1640995200000, 1640998799999, "46216.93", "46731.39", "46208.37", "46656.13", "1503.33095");

    [Theory]
    [InlineData(BinanceVision, 200, "1641711600000,41873.62000000,41908.55000000,41778.95000000,41791.51000000,415.68476000,1641715199999")]
    [InlineData(BinanceVisionNoHeader, 120, "1641423600000,43437.04000000,43709.12000000,43212.00000000,43451.13000000,2869.96497000,1641427199999")]
    public void TwelveColumnFiles_WithOrWithoutHeader_ReadEveryCrLfRowExactly(string file, int count, string lastRow)
    {
        var series = CsvBarReader.Read(PathOf(file));

        Assert.Equal(count, series.Count);
        Assert.Equal(FirstJanuaryBar, series.Bars[0]);
        Assert.Equal(FromRow(lastRow), series.Bars[^1]);
        Assert.Equal(Hour1, series.IntervalMs);
        Assert.Empty(series.Warnings);
    }

    [Fact]
    public void HeaderlessFile_GivesTheSameBarsAsTheHeaderedOne()
    {
        var withHeader = CsvBarReader.Read(PathOf(BinanceVision));
        var withoutHeader = CsvBarReader.Read(PathOf(BinanceVisionNoHeader));

        Assert.True(withoutHeader.Bars.SequenceEqual(withHeader.Bars[..withoutHeader.Count]));
    }

    [Theory]
    [InlineData(Hourly, 600, Hour1, "1502942400000,4261.48,4313.62,4261.32,4308.83,47.181009,1502945999999", "1505120400000,4168.57,4198.04,4157.01,4159.7,10.317672,1505123999999")]
    [InlineData(Minute, 200, Minute1, "1679655660000,28025.02,28032.17,28007.22,28007.23,49.01911,1679655719999", "1679672400000,27973.05,27998.99,27973.04,27981.87,56.12547,1679672459999")]
    [InlineData(Daily, 300, Day1, "1502928000000,4261.48,4485.39,4200.74,4285.08,795.150377,1503014399999", "1528761600000,6872.0,6890.51,6435.0,6530.0,36722.211191,1528847999999")]
    public void SevenColumnFiles_ReadFirstAndLastBarsCountAndInterval(string file, int count, long interval, string firstRow, string lastRow)
    {
        var series = CsvBarReader.Read(PathOf(file));

        Assert.Equal(count, series.Count);
        Assert.Equal(interval, series.IntervalMs);
        Assert.Equal(FromRow(firstRow), series.Bars[0]);
        Assert.Equal(FromRow(lastRow), series.Bars[^1]);
    }

    [Fact]
    public void MicrosecondTimestamps_AreConvertedToMilliseconds()
    {
        using var folder = new TempFolder();
        var lines = File.ReadAllLines(PathOf(BinanceVisionNoHeader)).Select(ToMicroseconds).ToArray();
        var path = folder.WriteLines("BTCUSDT-1h-2025-01.csv", lines);

        var micro = CsvBarReader.Read(path);
        var milli = CsvBarReader.Read(PathOf(BinanceVisionNoHeader));

        Assert.StartsWith("1640995200000000,", lines[0], StringComparison.Ordinal);
        Assert.True(micro.Bars.SequenceEqual(milli.Bars));
        Assert.Equal(Hour1, micro.IntervalMs);
    }

    [Fact]
    public void FileSwitchingFromMillisecondsToMicroseconds_ReadsOneContinuousSeries()
    {
        using var folder = new TempFolder();
        var original = File.ReadAllLines(PathOf(BinanceVisionNoHeader));
        var lines = original.Take(60).Concat(original.Skip(60).Select(ToMicroseconds)).ToArray();
        var path = folder.WriteLines("BTCUSDT-1h-mixed.csv", lines);

        var series = CsvBarReader.Read(path);

        Assert.True(series.Bars.SequenceEqual(CsvBarReader.Read(PathOf(BinanceVisionNoHeader)).Bars));
        Assert.Empty(series.Warnings);
    }

    [Fact]
    public void Instrument_ComesFromTheFileNamePrefix_UnlessTheOptionsGiveOne()
    {
        var fromName = CsvBarReader.Read(PathOf(Hourly));
        var given = new Instrument("XBTUSD", "XBT", "USD", Price.FromDecimal(0.5m), Quantity.FromWhole(1), 1m);
        var fromOptions = CsvBarReader.Read(PathOf(Hourly), new CsvReadOptions { Instrument = given });

        Assert.Equal(Instrument.Spot("BTCUSDT"), fromName.Instrument);
        Assert.Equal("USDT", fromName.Instrument.QuoteAsset);
        Assert.Same(given, fromOptions.Instrument);
    }

    [Fact]
    public void Reading_AllocatesNoStringPerLine()
    {
        using var folder = new TempFolder();
        var bars = Enumerable.Range(0, 20_000)
            .Select(i => $"{1_700_000_000_000L + (i * Minute1)},100.5,101.25,99.75,100.125,12.5,{1_700_000_000_000L + ((i + 1) * Minute1) - 1}");
        var path = folder.WriteLines("BTCUSDT-1m-alloc.csv", ["open_time,open,high,low,close,volume,close_time", .. bars]);
        CsvBarReader.Read(path);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var series = CsvBarReader.Read(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The bar array (sized from the file length, an eighth to spare), the 1 MB line buffer and
        // a few small objects; one string per line would add more than 20 000 * 100 bytes.
        Assert.Equal(20_000, series.Count);
        Assert.InRange(allocated, 0, (25_000 * 56) + (1 << 20) + (64 * 1024));
    }

    /// <summary>The bar a Binance row states, built with string splitting and Price.Parse, not the reader.</summary>
    private static Bar FromRow(string row)
    {
        var f = row.Split(',');
        return Bar(long.Parse(f[0], CultureInfo.InvariantCulture), long.Parse(f[6], CultureInfo.InvariantCulture), f[1], f[2], f[3], f[4], f[5]);
    }

    private static string ToMicroseconds(string line)
    {
        var fields = line.Split(',');
        fields[0] += "000";
        fields[6] += "999";
        return string.Join(',', fields);
    }
}
