using CryptoOrchestrator.Sdk.Indicators;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Sdk.Context;

/// <summary>
/// Everything the host hands every plugin. Plugins take time and randomness only from here,
/// which is what makes a backtest repeatable bit for bit.
/// </summary>
public interface IPluginContext
{
    /// <summary>Simulated time in backtests, wall-clock time live.</summary>
    IClock Clock { get; }

    /// <summary>A logger named after the plugin.</summary>
    ILogger Logger { get; }

    /// <summary>A random source seeded from the run's seed and the plugin's id.</summary>
    Random Random { get; }

    /// <summary>The plugin's parameter values.</summary>
    IParameterSet Parameters { get; }

    /// <summary>Creates streaming indicators.</summary>
    IndicatorFactory Indicators { get; }

    /// <summary>State that survives a hot reload.</summary>
    IStateStore State { get; }
}
