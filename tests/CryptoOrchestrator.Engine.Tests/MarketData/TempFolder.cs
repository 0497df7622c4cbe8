using System.Text;

namespace CryptoOrchestrator.Engine.Tests.MarketData;

/// <summary>A scratch folder for files a test writes itself; deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "co-marketdata-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="lines"/> joined by \n (with a final \n) as UTF-8 without a byte order mark.</summary>
    public string WriteLines(string name, params string[] lines) => WriteText(name, string.Join('\n', lines) + "\n");

    public string WriteText(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
