using System.Buffers.Binary;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.MarketData.MarketDataFiles;

namespace CryptoOrchestrator.Engine.Tests.MarketData;

public sealed class BinaryBarCacheTests : IDisposable
{
    private static readonly Instrument Btc = Instrument.Spot("BTCUSDT");

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void RoundTrip_GivesEqualBarsIntervalAndWarnings()
    {
        var original = CsvBarReader.Read(PathOf(Hourly));
        var path = folder.File("hourly.cobars");

        BinaryBarCache.Write(path, original);
        var loaded = BinaryBarCache.Read(path, Btc);

        Assert.True(loaded.Bars.SequenceEqual(original.Bars));
        Assert.Equal(original.IntervalMs, loaded.IntervalMs);
        Assert.Equal(original.Warnings, loaded.Warnings);
        Assert.Same(Btc, loaded.Instrument);
    }

    [Fact]
    public void RoundTrip_OfManySyntheticBars_IsExact()
    {
        var original = SyntheticBarGenerator.Generate(Btc, new SyntheticBarOptions { Count = 100_000, Seed = 5 });
        var path = folder.File("synthetic.cobars");

        BinaryBarCache.Write(path, original);

        Assert.Equal(BinaryBarCache.HeaderSize + "BTCUSDT".Length + 4 + (100_000 * 56), new FileInfo(path).Length);
        Assert.True(BinaryBarCache.Read(path, Btc).Bars.SequenceEqual(original.Bars));
    }

    [Fact]
    public void RoundTrip_OfAnEmptySeries_IsEmpty()
    {
        var path = folder.File("empty.cobars");

        BinaryBarCache.Write(path, new BarSeries(Btc, [], 0, 0));

        Assert.Equal(0, BinaryBarCache.Read(path, Btc).Count);
    }

    [Fact]
    public void Write_ReplacesAnExistingCache()
    {
        var path = folder.File("replace.cobars");
        BinaryBarCache.Write(path, SyntheticBarGenerator.Generate(Btc, new SyntheticBarOptions { Count = 50 }));
        var second = SyntheticBarGenerator.Generate(Btc, new SyntheticBarOptions { Count = 20, Seed = 9 });

        BinaryBarCache.Write(path, second);

        Assert.True(BinaryBarCache.Read(path, Btc).Bars.SequenceEqual(second.Bars));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void TruncatedCache_IsReportedWithExpectedAndActualLength()
    {
        var path = WriteSample();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);

        var error = Assert.Throws<MarketDataFormatException>(() => BinaryBarCache.Read(path, Btc));

        Assert.Equal("length", error.Column);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{bytes.Length - 10} bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains($"promises {bytes.Length}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileShorterThanTheHeader_IsReported()
    {
        var path = folder.WriteText("tiny.cobars", "COBARS");

        var error = Assert.Throws<MarketDataFormatException>(() => BinaryBarCache.Read(path, Btc));

        Assert.Equal("header", error.Column);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void WrongMagic_IsReportedAsNotACache()
    {
        var path = WriteSample();
        Patch(path, bytes => bytes[0] = (byte)'X');

        var error = Assert.Throws<MarketDataFormatException>(() => BinaryBarCache.Read(path, Btc));

        Assert.Equal("magic", error.Column);
    }

    [Fact]
    public void OtherVersion_IsReported()
    {
        var path = WriteSample();
        Patch(path, bytes => BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 99));

        var error = Assert.Throws<MarketDataFormatException>(() => BinaryBarCache.Read(path, Btc));

        Assert.Equal("version", error.Column);
        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountThatDisagreesWithTheLength_IsReported()
    {
        var path = WriteSample();
        Patch(path, bytes => BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(16), 9));

        var error = Assert.Throws<MarketDataFormatException>(() => BinaryBarCache.Read(path, Btc));

        Assert.Equal("length", error.Column);
        Assert.Contains("corrupt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScrambledBars_AreReportedAsCorrupt()
    {
        var path = WriteSample();
        var barsStart = BinaryBarCache.HeaderSize + "BTCUSDT".Length + 4;
        Patch(path, bytes => Array.Clear(bytes, barsStart + 56, 8));

        var error = Assert.Throws<MarketDataFormatException>(() => BinaryBarCache.Read(path, Btc));

        Assert.Equal("bars", error.Column);
    }

    [Fact]
    public void CacheOfAnotherSymbol_IsRefused()
    {
        var path = WriteSample();

        var error = Assert.Throws<MarketDataFormatException>(() => BinaryBarCache.Read(path, Instrument.Spot("ETHUSDT")));

        Assert.Equal("symbol", error.Column);
        Assert.Contains("BTCUSDT, not ETHUSDT", error.Message, StringComparison.Ordinal);
    }

    private string WriteSample()
    {
        var path = folder.File("sample.cobars");
        BinaryBarCache.Write(path, SyntheticBarGenerator.Generate(Btc, new SyntheticBarOptions { Count = 10 }));
        return path;
    }

    private static void Patch(string path, Action<byte[]> change)
    {
        var bytes = File.ReadAllBytes(path);
        change(bytes);
        File.WriteAllBytes(path, bytes);
    }
}
