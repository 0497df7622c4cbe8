using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Indicators;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Engine.Tests.Exchange;

/// <summary>A context with no services behind it: any member read throws, proving the exchange needs none.</summary>
internal sealed class MinimalPluginContext : IPluginContext
{
    public IClock Clock => throw Unavailable();

    public ILogger Logger => throw Unavailable();

    public Random Random => throw Unavailable();

    public IParameterSet Parameters => throw Unavailable();

    public IndicatorFactory Indicators => throw Unavailable();

    public IStateStore State => throw Unavailable();

    private static NotSupportedException Unavailable() => new("The minimal test context provides no services.");
}
