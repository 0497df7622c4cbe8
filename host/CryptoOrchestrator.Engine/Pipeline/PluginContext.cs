using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Indicators;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>The context every plugin receives: the run's clock, a logger named after the plugin, a seeded RNG, parameters and state.</summary>
public class PluginContext : IPluginContext
{
    /// <summary>Creates the context for one plugin of a run.</summary>
    public PluginContext(string pluginId, IClock clock, ILoggerFactory loggerFactory, int runSeed, IParameterSet parameters, IStateStore state)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        PluginId = pluginId;
        Clock = clock;
        Logger = loggerFactory.CreateLogger($"plugin.{pluginId}");
        Random = new Random(StableSeed.For(runSeed, pluginId));
        Parameters = parameters;
        State = state;
    }

    /// <summary>The id of the plugin this context belongs to.</summary>
    public string PluginId { get; }

    /// <inheritdoc />
    public IClock Clock { get; }

    /// <inheritdoc />
    public ILogger Logger { get; }

    /// <inheritdoc />
    public Random Random { get; }

    /// <inheritdoc />
    public IParameterSet Parameters { get; }

    /// <inheritdoc />
    public IndicatorFactory Indicators { get; } = new();

    /// <inheritdoc />
    public IStateStore State { get; }
}
