using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Plugins.Tests;

public sealed class SdkVersionTests
{
    [Fact]
    public void Current_IsTheLoadedSdkAssemblysVersion()
    {
        var assemblyVersion = typeof(IPlugin).Assembly.GetName().Version!;

        var current = SdkVersion.Current;

        Assert.Equal(
            (assemblyVersion.Major, assemblyVersion.Minor, assemblyVersion.Build),
            (current.Major, current.Minor, current.Patch));
    }
}
