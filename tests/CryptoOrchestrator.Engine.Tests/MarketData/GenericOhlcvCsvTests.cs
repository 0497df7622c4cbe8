using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.MarketData.MarketDataFiles;

namespace CryptoOrchestrator.Engine.Tests.MarketData;

public sealed class GenericOhlcvCsvTests
{
    [Fact]
    public void GoogFile_TakesTheBlankFirstHeaderAsTheDateColumn()
    {
        var series = CsvBarReader.Read(PathOf(Goog));

        Assert.Equal(300, series.Count);
        Assert.Equal(Day1, series.IntervalMs);
        Assert.Equal("GOOG", series.Instrument.Symbol);
        var first = UnixMs("2004-08-19T00:00:00Z");
        Assert.Equal(Bar(first, first + Day1 - 1, "100", "104.06", "95.96", "100.34", "22351900"), series.Bars[0]);
        var last = UnixMs("2005-10-25T00:00:00Z");
        Assert.Equal(Bar(last, last + Day1 - 1, "345.78", "347.4", "342.86", "346.91", "6878300"), series.Bars[^1]);
    }

    [Fact]
    public void DerivedCloseTime_DoesNotStretchOverAWeekend()
    {
        var series = CsvBarReader.Read(PathOf(Goog));

        // 2004-08-20 is a Friday; the next bar opens on Monday 2004-08-23.
        var friday = series.Bars[1];
        Assert.Equal(UnixMs("2004-08-20T00:00:00Z"), friday.OpenTime);
        Assert.Equal(UnixMs("2004-08-20T23:59:59.999Z"), friday.CloseTime);
        Assert.Equal(UnixMs("2004-08-23T00:00:00Z"), series.Bars[2].OpenTime);
    }

    [Fact]
    public void DerivedCloseTime_IsOneMillisecondBeforeTheNextOpen_WhenBarsAreIrregularlyShorter()
    {
        using var folder = new TempFolder();
        var path = folder.WriteLines(
            "X-irregular.csv",
            "time,open,high,low,close,volume",
            "2024-01-01T00:00:00Z,1,1,1,1,1",
            "2024-01-01T01:00:00Z,1,1,1,1,1",
            "2024-01-01T02:00:00Z,1,1,1,1,1",
            "2024-01-01T02:30:00Z,1,1,1,1,1");

        var series = CsvBarReader.Read(path);

        Assert.Equal(Hour1, series.IntervalMs);
        Assert.Equal(UnixMs("2024-01-01T02:29:59.999Z"), series.Bars[2].CloseTime);
        Assert.Equal(UnixMs("2024-01-01T03:29:59.999Z"), series.Bars[3].CloseTime);
    }

    [Fact]
    public void IsoDateTimes_WithoutOffsetAreUtc_AndOffsetsAreApplied()
    {
        using var folder = new TempFolder();
        var path = folder.WriteLines(
            "ETHUSDT-iso.csv",
            "Timestamp,Open,High,Low,Close,Volume",
            "2024-03-10T00:00:00Z,10,11,9,10.5,1",
            "2024-03-10T02:00:00+01:00,10.5,11,9,10,1",
            "2024-03-10 02:00:00,10,11,9,10,1",
            "2024-03-10T03:00:00.000-00:00,10,11,9,10,1",
            "2024-03-09T23:00:00-05:00,10,11,9,10,1");

        var series = CsvBarReader.Read(path);

        long[] expected = [.. new[] { "00:00", "01:00", "02:00", "03:00", "04:00" }.Select(t => UnixMs($"2024-03-10T{t}:00Z"))];
        Assert.Equal(expected, series.Bars.ToArray().Select(b => b.OpenTime));
        Assert.Equal("ETHUSDT", series.Instrument.Symbol);
    }

    [Fact]
    public void TenDigitEpochTimes_AreSeconds()
    {
        using var folder = new TempFolder();
        var path = folder.WriteLines(
            "SOLUSDT-secs.csv",
            "unix,datetime,open,high,low,close,volume",
            "x,1700000000,20,21,19,20.5,3",
            "x,1700000060,20.5,21,19,20,4");

        var series = CsvBarReader.Read(path);

        Assert.Equal(1_700_000_000_000, series.Bars[0].OpenTime);
        Assert.Equal(1_700_000_060_000, series.Bars[1].OpenTime);
        Assert.Equal(Minute1, series.IntervalMs);
    }

    [Fact]
    public void Columns_AreFoundByNameInAnyOrderAndCase_AndOthersIgnored()
    {
        using var folder = new TempFolder();
        var path = folder.WriteLines(
            "AAPL.csv",
            "Volume,Adj Close,CLOSE,low,High,Open,Date,Symbol",
            "1000,1.5,150.25,149,151,149.5,2024-01-02,AAPL",
            "2000,1.6,151.5,150,152,150.25,2024-01-03,AAPL");

        var series = CsvBarReader.Read(path);

        var first = UnixMs("2024-01-02T00:00:00Z");
        Assert.Equal(Bar(first, first + Day1 - 1, "149.5", "151", "149", "150.25", "1000"), series.Bars[0]);
        Assert.Equal(Price.Parse("151.5"), series.Bars[1].Close);
    }

    [Fact]
    public void CloseTimeColumn_IsUsedWhenPresent()
    {
        using var folder = new TempFolder();
        var path = folder.WriteLines(
            "BTCUSDT-ct.csv",
            "Open Time,Open,High,Low,Close,Volume,Close Time",
            "2024-01-01T00:00:00Z,1,2,1,2,5,2024-01-01T00:00:59.999Z",
            "2024-01-01T00:01:00Z,2,2,1,1,5,2024-01-01T00:01:30Z");

        var series = CsvBarReader.Read(path);

        Assert.Equal(UnixMs("2024-01-01T00:01:30Z"), series.Bars[1].CloseTime);
        Assert.Equal(UnixMs("2024-01-01T00:00:59.999Z"), series.Bars[0].CloseTime);
    }

    [Fact]
    public void HeaderlessSixColumnFile_IsTimeAndOhlcv()
    {
        using var folder = new TempFolder();
        var path = folder.WriteLines("BNBUSDT-6.csv", "2024-01-01,300,310,290,305,12.5", "2024-01-02,305,306,300,301,10");

        var series = CsvBarReader.Read(path);

        var first = UnixMs("2024-01-01T00:00:00Z");
        Assert.Equal(Bar(first, first + Day1 - 1, "300", "310", "290", "305", "12.5"), series.Bars[0]);
        Assert.Equal(2, series.Count);
    }

    [Fact]
    public void ByteOrderMark_QuotedFields_BlankLinesAndCrLf_AreTolerated()
    {
        using var folder = new TempFolder();
        var path = folder.WriteText(
            "XRPUSDT.csv",
            "\uFEFF\"date\",\"open\",\"high\",\"low\",\"close\",\"volume\"\r\n\r\n\"2024-01-01\", 0.5 ,\"0.6\",0.4,0.55,100\r\n2024-01-02,0.55,0.6,0.5,0.52,90\r\n\r\n");

        var series = CsvBarReader.Read(path);

        Assert.Equal(2, series.Count);
        Assert.Equal(Price.Parse("0.5"), series.Bars[0].Open);
        Assert.Equal(Price.Parse("0.6"), series.Bars[0].High);
        Assert.Equal(Price.Parse("0.52"), series.Bars[1].Close);
    }

    [Fact]
    public void SingleBar_HasUnknownIntervalAndClosesWhereItOpens()
    {
        using var folder = new TempFolder();
        var path = folder.WriteLines("ONE-bar.csv", "time,open,high,low,close,volume", "1700000000000,1,1,1,1,1");

        var series = CsvBarReader.Read(path);

        Assert.Equal(0, series.IntervalMs);
        Assert.Equal(series.Bars[0].OpenTime, series.Bars[0].CloseTime);
    }

    [Fact]
    public void IntervalOption_OverridesDetection_AndSetsDerivedCloseTimes()
    {
        using var folder = new TempFolder();
        var path = folder.WriteLines("ONE-bar.csv", "time,open,high,low,close,volume", "1700000000000,1,1,1,1,1");

        var series = CsvBarReader.Read(path, new CsvReadOptions { IntervalMs = Hour1 });

        Assert.Equal(Hour1, series.IntervalMs);
        Assert.Equal(1_700_000_000_000 + Hour1 - 1, series.Bars[0].CloseTime);
    }
}
