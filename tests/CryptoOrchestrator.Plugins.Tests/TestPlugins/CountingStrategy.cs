using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Tests.TestPlugins;

/// <summary>A valid strategy that counts its constructions and disposals.</summary>
public sealed class CountingStrategy : TestStrategy, IDisposable
{
    private static int _constructed;
    private static int _disposed;

    public CountingStrategy() => Interlocked.Increment(ref _constructed);

    public static int Constructed => Volatile.Read(ref _constructed);

    public static int Disposed => Volatile.Read(ref _disposed);

    public override PluginMetadata Metadata { get; } = Declare("test-counting");

    public void Dispose() => Interlocked.Increment(ref _disposed);
}
