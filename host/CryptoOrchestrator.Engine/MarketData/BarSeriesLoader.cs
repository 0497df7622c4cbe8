using System.Security.Cryptography;
using System.Text;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.MarketData;

/// <summary>
/// Loads a series from a CSV file through a binary cache, or from a cache file directly. The cache
/// is used only while it is newer than the CSV and records the CSV's length, last write time and
/// the read options; otherwise the CSV is parsed and the cache rewritten when the folder allows it.
/// </summary>
public static class BarSeriesLoader
{
    private static readonly CsvReadOptions Defaults = new();

    /// <summary>Loads <paramref name="path"/>: a <see cref="BinaryBarCache.FileExtension"/> file directly, anything else as CSV via its cache.</summary>
    public static BarSeries Load(string path, CsvReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= Defaults;
        if (path.EndsWith(BinaryBarCache.FileExtension, StringComparison.OrdinalIgnoreCase))
        {
            return BinaryBarCache.ReadIf(path, options.Instrument, static _ => true)!;
        }

        var csv = new FileInfo(path);
        if (!csv.Exists)
        {
            throw new FileNotFoundException($"Market data file '{path}' does not exist.", path);
        }

        var instrument = options.Instrument ?? CsvBarReader.InstrumentFromFileName(path);
        var source = new BarCacheSource(csv.Length, csv.LastWriteTimeUtc.Ticks, options.Gaps, options.IntervalMs ?? 0);
        var cachePath = CachePathFor(csv.FullName, options.CacheDirectory);
        var cached = TryReadFresh(cachePath, csv, source, instrument);
        if (cached is not null)
        {
            return cached;
        }

        var series = CsvBarReader.Read(path, options with { Instrument = instrument });
        TryWriteCache(cachePath, series, source);
        return series;
    }

    /// <summary>
    /// Where the cache of <paramref name="csvPath"/> lives: beside it as "&lt;file&gt;.cobars", or in
    /// <paramref name="cacheDirectory"/> under the file name plus a hash of its full path, so equally
    /// named files from different folders do not share a cache.
    /// </summary>
    public static string CachePathFor(string csvPath, string? cacheDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(csvPath);
        var fullPath = Path.GetFullPath(csvPath);
        if (cacheDirectory is null)
        {
            return fullPath + BinaryBarCache.FileExtension;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fullPath)))[..16];
        return Path.Combine(cacheDirectory, $"{Path.GetFileName(fullPath)}.{hash}{BinaryBarCache.FileExtension}");
    }

    private static BarSeries? TryReadFresh(string cachePath, FileInfo csv, BarCacheSource source, Instrument instrument)
    {
        if (!File.Exists(cachePath) || File.GetLastWriteTimeUtc(cachePath) < csv.LastWriteTimeUtc)
        {
            return null;
        }

        try
        {
            return BinaryBarCache.ReadIf(
                cachePath,
                instrument,
                header => header.Source == source && string.Equals(header.Symbol, instrument.Symbol, StringComparison.Ordinal));
        }
        catch (Exception e) when (e is MarketDataFormatException or IOException or UnauthorizedAccessException)
        {
            // A damaged cache is only a lost shortcut: the CSV is the truth and rebuilds it.
            return null;
        }
    }

    private static void TryWriteCache(string cachePath, BarSeries series, BarCacheSource source)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(cachePath)!);
            BinaryBarCache.Write(cachePath, series, source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only data folder only costs the next load a parse; the bars are already in hand.
        }
    }
}
