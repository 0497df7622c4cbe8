using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Indicators;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// The base of the role-specific contexts (strategy, execution algorithm): the shared plugin
/// services come from the plugin's own context, the role adds what it may do.
/// </summary>
internal abstract class DelegatingPluginContext(PluginContext plugin) : IPluginContext
{
    public IClock Clock => plugin.Clock;

    public ILogger Logger => plugin.Logger;

    public Random Random => plugin.Random;

    public IParameterSet Parameters => plugin.Parameters;

    public IndicatorFactory Indicators => plugin.Indicators;

    public IStateStore State => plugin.State;

    /// <summary>The id of the plugin the context belongs to.</summary>
    protected string PluginId => plugin.PluginId;
}
