using CryptoOrchestrator.Sdk.Context;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// Makes strategy contexts for one pipeline: live ones for the strategies it starts with, staged
/// ones for replacements swapped in while it runs. Every context gets its own random source seeded
/// from the run seed and the plugin id, so a replacement, rejected or not, never draws from the
/// running instance's stream.
/// </summary>
internal sealed class StrategyContexts(TradingPipeline pipeline, IClock clock, ILoggerFactory loggerFactory, int seed, IStateStore state)
{
    public StrategyContext Live(int slot, string pluginId, IParameterSet parameters) =>
        new(new PluginContext(pluginId, clock, loggerFactory, seed, parameters, state), pipeline, slot, live: true);

    /// <summary>A context whose clock can replay history and whose writes wait for the swap to commit.</summary>
    public StagedContext Staged(int slot, string pluginId, IParameterSet parameters)
    {
        var replayClock = new ReplayClock(clock);
        var stagedState = new StagedStateStore(state);
        var plugin = new PluginContext(pluginId, replayClock, loggerFactory, seed, parameters, stagedState);
        return new StagedContext(new StrategyContext(plugin, pipeline, slot, live: false), replayClock, stagedState);
    }
}

/// <summary>A replacement's context while its swap is under way.</summary>
internal sealed record StagedContext(StrategyContext Context, ReplayClock Clock, StagedStateStore State)
{
    /// <summary>The swap commits: pipeline time, the run's state store and the run itself from now on.</summary>
    public void Commit()
    {
        Clock.GoLive();
        State.Commit();
        Context.GoLive();
    }
}
