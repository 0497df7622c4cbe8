using System.Text;

namespace CryptoOrchestrator.Host.Tests;

/// <summary>Takes slices of the bundled BTCUSDT hourly candles for tests that need their own file.</summary>
internal static class SampleData
{
    public static string WriteHourlyCsv(string path, int bars)
    {
        var source = File.ReadLines(Path.Combine(Orchestrator.OutputDirectory, "data", "BTCUSDT-1h.csv")).Take(bars + 1);
        File.WriteAllLines(path, source, Encoding.ASCII);
        return path;
    }

}
