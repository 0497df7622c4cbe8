using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.MarketData.MarketDataFiles;

namespace CryptoOrchestrator.Engine.Tests.MarketData;

public sealed class BarSeriesLoaderTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void FirstLoad_ParsesTheCsvAndWritesACacheBesideIt()
    {
        var csv = CopyOfHourly();

        var loaded = BarSeriesLoader.Load(csv);

        Assert.True(File.Exists(csv + BinaryBarCache.FileExtension));
        Assert.True(loaded.Bars.SequenceEqual(CsvBarReader.Read(PathOf(Hourly)).Bars));
        Assert.True(BinaryBarCache.Read(csv + BinaryBarCache.FileExtension, loaded.Instrument).Bars.SequenceEqual(loaded.Bars));
    }

    [Fact]
    public void FreshCache_IsUsedInsteadOfTheCsv()
    {
        var csv = CopyOfHourly();
        BarSeriesLoader.Load(csv);
        var planted = PlantCacheFor(csv, new CsvReadOptions());

        var loaded = BarSeriesLoader.Load(csv);

        // Only the cache holds the planted synthetic bars, so getting them back proves it was read.
        Assert.True(loaded.Bars.SequenceEqual(planted.Bars));
    }

    [Fact]
    public void SecondLoad_ReturnsTheSameSeriesIncludingWarnings()
    {
        var csv = CopyOfHourly();

        var first = BarSeriesLoader.Load(csv);
        var second = BarSeriesLoader.Load(csv);

        Assert.True(second.Bars.SequenceEqual(first.Bars));
        Assert.Equal(first.Warnings, second.Warnings);
        Assert.Single(second.Warnings);
        Assert.Equal(first.Instrument, second.Instrument);
    }

    [Fact]
    public void ChangedCsv_MakesTheCacheStale_AndIsParsedAgain()
    {
        var csv = CopyOfHourly();
        var before = BarSeriesLoader.Load(csv);
        var lines = File.ReadAllLines(csv);
        File.WriteAllLines(csv, lines[..101]);
        File.SetLastWriteTimeUtc(csv, DateTime.UtcNow.AddMinutes(1));

        var after = BarSeriesLoader.Load(csv);

        Assert.Equal(600, before.Count);
        Assert.Equal(100, after.Count);
        Assert.Equal(100, BinaryBarCache.Read(csv + BinaryBarCache.FileExtension, after.Instrument).Count);
    }

    [Fact]
    public void CsvWithSameLengthButNewerWriteTime_MakesTheCacheStale()
    {
        var csv = CopyOfHourly();
        BarSeriesLoader.Load(csv);
        var planted = PlantCacheFor(csv, new CsvReadOptions());
        File.SetLastWriteTimeUtc(csv + BinaryBarCache.FileExtension, DateTime.UtcNow.AddMinutes(1));
        File.SetLastWriteTimeUtc(csv, DateTime.UtcNow.AddMinutes(2));

        var loaded = BarSeriesLoader.Load(csv);

        Assert.False(loaded.Bars.SequenceEqual(planted.Bars));
        Assert.Equal(600, loaded.Count);
    }

    [Fact]
    public void CacheBuiltWithAnotherGapPolicy_IsNotUsed()
    {
        var csv = CopyOfHourly();
        var warned = BarSeriesLoader.Load(csv, new CsvReadOptions { Gaps = GapPolicy.Warn });

        var filled = BarSeriesLoader.Load(csv, new CsvReadOptions { Gaps = GapPolicy.Fill });

        Assert.Equal(600, warned.Count);
        Assert.Equal(606, filled.Count);
    }

    [Fact]
    public void CorruptCache_IsRebuiltFromTheCsv()
    {
        var csv = CopyOfHourly();
        BarSeriesLoader.Load(csv);
        var cache = csv + BinaryBarCache.FileExtension;
        File.WriteAllBytes(cache, File.ReadAllBytes(cache)[..500]);

        var loaded = BarSeriesLoader.Load(csv);

        Assert.Equal(600, loaded.Count);
        Assert.Equal(600, BinaryBarCache.Read(cache, loaded.Instrument).Count);
    }

    [Fact]
    public void UnwritableCacheLocation_IsNotAnError()
    {
        var csv = CopyOfHourly();
        var notADirectory = folder.WriteText("occupied", "a file where the cache folder would go");

        var loaded = BarSeriesLoader.Load(csv, new CsvReadOptions { CacheDirectory = notADirectory });

        Assert.Equal(600, loaded.Count);
    }

    [Fact]
    public void CacheDirectory_HoldsTheCacheInsteadOfTheDataFolder()
    {
        var csv = CopyOfHourly();
        var cacheDirectory = Path.Combine(folder.Path, "cache");

        BarSeriesLoader.Load(csv, new CsvReadOptions { CacheDirectory = cacheDirectory });

        var cache = Assert.Single(Directory.GetFiles(cacheDirectory));
        Assert.Equal(BarSeriesLoader.CachePathFor(csv, cacheDirectory), cache);
        Assert.StartsWith(Hourly + ".", Path.GetFileName(cache), StringComparison.Ordinal);
        Assert.False(File.Exists(csv + BinaryBarCache.FileExtension));
    }

    [Fact]
    public void SameFileNameInTwoFolders_GetsTwoCaches()
    {
        Assert.NotEqual(
            BarSeriesLoader.CachePathFor("/data/a/BTCUSDT-1h.csv", "/cache"),
            BarSeriesLoader.CachePathFor("/data/b/BTCUSDT-1h.csv", "/cache"));
    }

    [Fact]
    public void CachePath_IsLoadedDirectly_WithTheStoredSymbol()
    {
        var path = folder.File("anything.cobars");
        var original = SyntheticBarGenerator.Generate(Instrument.Spot("SOLUSDT"), new SyntheticBarOptions { Count = 30 });
        BinaryBarCache.Write(path, original);

        var loaded = BarSeriesLoader.Load(path);

        Assert.Equal("SOLUSDT", loaded.Instrument.Symbol);
        Assert.True(loaded.Bars.SequenceEqual(original.Bars));
    }

    [Fact]
    public void CorruptCachePath_IsAnError()
    {
        var path = folder.WriteText("broken.cobars", "not a cache at all, but long enough to hold a header of seventy-two bytes.");

        var error = Assert.Throws<MarketDataFormatException>(() => BarSeriesLoader.Load(path));

        Assert.Equal("magic", error.Column);
    }

    [Fact]
    public void MissingCsv_IsAFileNotFoundNamingIt()
    {
        var path = folder.File("NOPE-1h.csv");

        var error = Assert.Throws<FileNotFoundException>(() => BarSeriesLoader.Load(path));

        Assert.Equal(path, error.FileName);
    }

    private string CopyOfHourly()
    {
        var csv = folder.File(Hourly);
        File.Copy(PathOf(Hourly), csv);
        File.SetLastWriteTimeUtc(csv, DateTime.UtcNow.AddMinutes(-10));
        return csv;
    }

    /// <summary>Overwrites the CSV's cache with other bars while still recording the CSV as its source.</summary>
    private static BarSeries PlantCacheFor(string csv, CsvReadOptions options)
    {
        var info = new FileInfo(csv);
        var series = SyntheticBarGenerator.Generate(Instrument.Spot("BTCUSDT"), new SyntheticBarOptions { Count = 25, Seed = 3 });
        var source = new BarCacheSource(info.Length, info.LastWriteTimeUtc.Ticks, options.Gaps, 0);
        BinaryBarCache.Write(BarSeriesLoader.CachePathFor(csv, options.CacheDirectory), series, source);
        return series;
    }
}
