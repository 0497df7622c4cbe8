using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;
using Microsoft.Extensions.Logging;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>One strategy's view of the pipeline: everything it does is tagged with its slot.</summary>
internal sealed class StrategyContext(PluginContext plugin, TradingPipeline pipeline, int slot) : IStrategyContext
{
    public IClock Clock => plugin.Clock;

    public ILogger Logger => plugin.Logger;

    public Random Random => plugin.Random;

    public IParameterSet Parameters => plugin.Parameters;

    public Sdk.Indicators.IndicatorFactory Indicators => plugin.Indicators;

    public IStateStore State => plugin.State;

    public IPortfolioView Portfolio => pipeline.Portfolio;

    public void Emit(in Signal signal) => pipeline.Emit(slot, signal);

    public ClientOrderId Submit(in OrderRequest request) => pipeline.SubmitFromStrategy(slot, request);

    public bool Cancel(ClientOrderId id) => pipeline.Orders.Cancel(id, plugin.Clock.NowMs);

    public IModel GetModel(string id) => pipeline.GetModel(plugin.PluginId, id);
}
