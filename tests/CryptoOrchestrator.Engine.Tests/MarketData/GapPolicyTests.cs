using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.MarketData.MarketDataFiles;

namespace CryptoOrchestrator.Engine.Tests.MarketData;

public sealed class GapPolicyTests : IDisposable
{
    // In the hourly slice, line 495 opens 2017-09-06T23:00Z after 2017-09-06T16:00Z at line 494: 6 hours missing.
    private const long GapLine = 495;
    private const long BeforeGap = 1504713600000;
    private const long AfterGap = 1504738800000;

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Error_NamesTheLineAfterTheGap()
    {
        var error = Assert.Throws<MarketDataFormatException>(
            () => CsvBarReader.Read(PathOf(Hourly), new CsvReadOptions { Gaps = GapPolicy.Error }));

        Assert.Equal(GapLine, error.Line);
        Assert.Equal("open_time", error.Column);
        Assert.Contains("6 bar(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warn_KeepsTheBarsAndRecordsTheGap()
    {
        var series = CsvBarReader.Read(PathOf(Hourly), new CsvReadOptions { Gaps = GapPolicy.Warn });

        Assert.Equal(600, series.Count);
        var warning = Assert.Single(series.Warnings);
        Assert.Equal(GapLine, warning.Line);
        Assert.Equal(PathOf(Hourly), warning.FilePath);
        Assert.Contains("6 bar(s) missing between 2017-09-06T16:00:00Z and 2017-09-06T23:00:00Z", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warn_IsTheDefault()
    {
        Assert.Single(CsvBarReader.Read(PathOf(Hourly)).Warnings);
    }

    [Fact]
    public void Fill_InsertsFlatZeroVolumeBarsAtThePreviousClose()
    {
        var warned = CsvBarReader.Read(PathOf(Hourly));
        var filled = CsvBarReader.Read(PathOf(Hourly), new CsvReadOptions { Gaps = GapPolicy.Fill });

        Assert.Equal(606, filled.Count);
        var gapIndex = warned.Bars.ToArray().ToList().FindIndex(b => b.OpenTime == AfterGap);
        var previousClose = warned.Bars[gapIndex - 1].Close;
        for (var k = 1; k <= 6; k++)
        {
            var open = BeforeGap + (k * Hour1);
            var expected = new Bar(open, open + Hour1 - 1, previousClose, previousClose, previousClose, previousClose, Quantity.Zero);
            Assert.Equal(expected, filled.Bars[gapIndex - 1 + k]);
        }

        Assert.Equal(warned.Bars[gapIndex], filled.Bars[gapIndex + 6]);
        Assert.All(Steps(filled), step => Assert.Equal(Hour1, step));
    }

    [Fact]
    public void Fill_WithDerivedCloseTimes_EndsFillBarsBeforeTheNextRealBar()
    {
        var path = folder.WriteLines(
            "X-fill.csv",
            "date,open,high,low,close,volume",
            "2024-01-01,10,12,9,11,5",
            "2024-01-02,11,12,10,10.5,5",
            "2024-01-05,10.5,11,10,10.75,5");

        var series = CsvBarReader.Read(path, new CsvReadOptions { Gaps = GapPolicy.Fill, IntervalMs = Day1 });

        Assert.Equal(5, series.Count);
        var day3 = UnixMs("2024-01-03T00:00:00Z");
        Assert.Equal(Bar(day3, day3 + Day1 - 1, "10.5", "10.5", "10.5", "10.5", "0"), series.Bars[2]);
        Assert.Equal(UnixMs("2024-01-04T23:59:59.999Z"), series.Bars[3].CloseTime);
        Assert.Contains("2 bar(s) filled", Assert.Single(series.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GapAfterTheDetectionWindow_IsReportedOnItsLine()
    {
        var rows = MinuteRows(700, gapBeforeRow: 650, missing: 3);
        var path = folder.WriteLines("X-late-gap.csv", ["time,open,high,low,close,volume", .. rows]);

        var error = Assert.Throws<MarketDataFormatException>(() => CsvBarReader.Read(path, new CsvReadOptions { Gaps = GapPolicy.Error }));
        var warned = CsvBarReader.Read(path);

        Assert.Equal(652, error.Line);
        Assert.Equal(652, Assert.Single(warned.Warnings).Line);
        Assert.Contains("3 bar(s) missing", warned.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Equal(703, CsvBarReader.Read(path, new CsvReadOptions { Gaps = GapPolicy.Fill }).Count);
    }

    [Fact]
    public void Warnings_AreBoundedToAHundredPlusACount()
    {
        // 200 runs of three consecutive minutes, each run starting ten minutes after the last: 199 gaps.
        var rows = Enumerable.Range(0, 600)
            .Select(i => $"{1_700_000_000_000L + ((i / 3) * 10 * Minute1) + ((i % 3) * Minute1)},1,1,1,1,1");
        var path = folder.WriteLines("X-many-gaps.csv", ["time,open,high,low,close,volume", .. rows]);

        var series = CsvBarReader.Read(path);

        Assert.Equal(Minute1, series.IntervalMs);
        Assert.Equal(101, series.Warnings.Count);
        Assert.Equal(5, series.Warnings[0].Line);
        var summary = series.Warnings[^1];
        Assert.Equal(305, summary.Line);
        Assert.Contains("99 more gap(s)", summary.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fill_RefusesAGapTooLargeToBeReal()
    {
        var path = folder.WriteLines(
            "X-typo.csv",
            "time,open,high,low,close,volume",
            "1700000000000,1,1,1,1,1",
            "1700000060000,1,1,1,1,1",
            "2700000060000,1,1,1,1,1");

        var error = Assert.Throws<MarketDataFormatException>(() => CsvBarReader.Read(path, new CsvReadOptions { Gaps = GapPolicy.Fill }));

        Assert.Equal(4, error.Line);
        Assert.Contains("too large to fill", error.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<long> Steps(BarSeries series)
    {
        var bars = series.Bars.ToArray();
        return bars.Skip(1).Select((bar, i) => bar.OpenTime - bars[i].OpenTime);
    }

    private static IEnumerable<string> MinuteRows(int count, int gapBeforeRow, int missing)
        => Enumerable.Range(0, count).Select(i =>
        {
            var slot = i < gapBeforeRow ? i : i + missing;
            return $"{1_700_000_000_000L + (slot * Minute1)},100,101,99,100.5,2";
        });
}
