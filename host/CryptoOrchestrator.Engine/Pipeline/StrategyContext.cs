using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>One strategy's view of the pipeline: everything it does is tagged with its slot.</summary>
internal sealed class StrategyContext(PluginContext plugin, TradingPipeline pipeline, int slot)
    : DelegatingPluginContext(plugin), IStrategyContext
{
    public IPortfolioView Portfolio => pipeline.Portfolio;

    public void Emit(in Signal signal) => pipeline.Emit(slot, signal);

    public ClientOrderId Submit(in OrderRequest request) => pipeline.SubmitFromStrategy(slot, request);

    public bool Cancel(ClientOrderId id) => pipeline.Orders.Cancel(id, Clock.NowMs);

    public IModel GetModel(string id) => pipeline.GetModel(PluginId, id);
}
