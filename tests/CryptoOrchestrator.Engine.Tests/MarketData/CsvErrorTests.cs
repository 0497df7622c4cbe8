using CryptoOrchestrator.Engine.MarketData;

namespace CryptoOrchestrator.Engine.Tests.MarketData;

public sealed class CsvErrorTests : IDisposable
{
    private const string Header = "open_time,open,high,low,close,volume,close_time";
    private const string Row1 = "1700000000000,100,110,90,105,1,1700000059999";
    private const string Row2 = "1700000060000,105,110,100,101,2,1700000119999";

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void MissingVolumeColumn_NamesLineOneAndTheColumn()
    {
        var error = Read("time,open,high,low,close", "1700000000000,1,1,1,1");

        AssertAt(error, 1, "volume");
        Assert.Contains("no volume column", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingTimeColumn_SaysWhichNamesWereTried()
    {
        var error = Read("when,open,high,low,close,volume", "1700000000000,1,1,1,1,1");

        AssertAt(error, 1, "time");
        Assert.Contains("timestamp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoTimeColumns_AreRefused()
    {
        var error = Read("date,time,open,high,low,close,volume", "2024-01-01,10:00,1,1,1,1,1");

        AssertAt(error, 1, "time");
        Assert.Contains("'date' and 'time'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnparsablePrice_NamesLineAndColumn()
    {
        var error = Read(Header, Row1, Row2, "1700000120000,101,abc,100,101,2,1700000179999");

        AssertAt(error, 4, "high");
        Assert.Contains("'abc'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PriceWithNineDecimals_IsRefusedBecauseItCannotBeExact()
    {
        var error = Read(Header, Row1, "1700000060000,105.123456789,110,100,106,2,1700000119999");

        AssertAt(error, 3, "open");
        Assert.Contains("at most 8 decimal places", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NineDecimalsEndingInZero_AreStillExactAndAccepted()
    {
        var series = CsvBarReader.Read(folder.WriteLines("X-ok.csv", Header, "1700000000000,100.123456780,110,90,105,1,1700000059999"));

        Assert.Equal(Sdk.Domain.Price.Parse("100.12345678"), series.Bars[0].Open);
    }

    [Fact]
    public void UnparsableVolume_NamesTheVolumeColumn()
    {
        var error = Read(Header, Row1, "1700000060000,105,110,100,101,1e3,1700000119999");

        AssertAt(error, 3, "volume");
    }

    [Fact]
    public void ImpossibleDate_NamesTheDateColumnAsWrittenInTheHeader()
    {
        var error = Read("Date,Open,High,Low,Close,Volume", "2024-02-28,1,1,1,1,1", "2024-02-30,1,1,1,1,1");

        AssertAt(error, 3, "Date");
        Assert.Contains("'2024-02-30' is not a time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnparsableCloseTime_NamesTheCloseTimeColumn()
    {
        var error = Read(Header, Row1, "1700000060000,105,110,100,101,2,soon");

        AssertAt(error, 3, "close_time");
    }

    [Fact]
    public void RowWithTooFewFields_NamesTheFirstMissingColumn()
    {
        var error = Read(Header, Row1, "1700000060000,105,110,100,101");

        AssertAt(error, 3, "volume");
        Assert.Contains("expected 7 fields", error.Message, StringComparison.Ordinal);
        Assert.Contains("found 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowWithTooManyFields_NamesTheFirstExtraColumnByIndex()
    {
        var error = Read(Header, Row1 + ",extra");

        AssertAt(error, 2, "8");
    }

    [Fact]
    public void HeaderlessBinanceRowWithBadHigh_NamesTheColumnByIndex()
    {
        var error = Read(
            "1640995200000,46216.93,46731.39,46208.37,46656.13,1503.33,1640998799999,6.9E7,38608,806.06,3.7E7,0",
            "1640998800000,46656.14,x,46574.06,46778.14,943.81,1641002399999,4.4E7,31872,491.18,2.2E7,0");

        AssertAt(error, 2, "3");
    }

    [Fact]
    public void HeaderlessFileWithUnknownColumnCount_IsRefusedOnLineOne()
    {
        var error = Read("1700000000000,1,1,1,1");

        Assert.Equal(1, error.Line);
        Assert.Contains("5 columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EarlierTimestamp_NamesTheLineAndTheTimeColumn()
    {
        var error = Read(Header, Row1, Row2, Row1.Replace("1700000000000", "1700000030000", StringComparison.Ordinal));

        AssertAt(error, 4, "open_time");
        Assert.Contains("is before the previous bar's", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateTimestamp_NamesTheRepeatingLine()
    {
        var error = Read(Header, Row1, Row2, Row2);

        AssertAt(error, 4, "open_time");
        Assert.Contains("repeats", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1700000000000,100,90,95,95,1,1700000059999", "high", "high is below low")]
    [InlineData("1700000000000,120,110,90,100,1,1700000059999", "open", "open is outside")]
    [InlineData("1700000000000,100,110,90,80,1,1700000059999", "close", "close is outside")]
    [InlineData("1700000000000,100,110,90,100,-1,1700000059999", "volume", "volume is negative")]
    [InlineData("1700000000000,100,110,90,100,1,1699999999999", "close_time", "close time is before open time")]
    [InlineData("1700000000000,0,0,0,0,1,1700000059999", "low", "prices must be positive")]
    public void InconsistentBar_NamesTheColumnThatBreaksIt(string row, string column, string reason)
    {
        var error = Read(Header, row);

        AssertAt(error, 2, column);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFile_IsRefusedOnLineOne()
    {
        var error = Assert.Throws<MarketDataFormatException>(() => CsvBarReader.Read(folder.WriteText("X-empty.csv", string.Empty)));

        Assert.Equal(1, error.Line);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HeaderWithoutBars_IsRefusedOnTheLineAfterTheHeader()
    {
        var error = Read(Header);

        Assert.Equal(2, error.Line);
        Assert.Contains("no bars", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_NamesFileLineAndColumn()
    {
        var error = Read(Header, Row1, "1700000060000,105,110,100,oops,2,1700000119999");

        Assert.StartsWith($"{error.FilePath}, line 3, column 'close': ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(".csv", error.FilePath, StringComparison.Ordinal);
    }

    private MarketDataFormatException Read(params string[] lines)
    {
        var path = folder.WriteLines("BTCUSDT-bad.csv", lines);
        var error = Assert.Throws<MarketDataFormatException>(() => CsvBarReader.Read(path));
        Assert.Equal(path, error.FilePath);
        return error;
    }

    private static void AssertAt(MarketDataFormatException error, long line, string column)
    {
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
    }
}
