using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// One strategy's view of the pipeline: everything it does is tagged with its slot. Only a live
/// context reaches the run; a replacement's context is not live until its swap commits (so a
/// rejected swap changes nothing), and an instance swapped out or quarantined is cut off.
/// </summary>
/// <remarks>
/// While not live, <see cref="Submit"/> returns <see cref="ClientOrderId.None"/> (no order exists,
/// and no update or fill will follow), <see cref="Cancel"/> returns false and <see cref="Emit"/>
/// records nothing. Signals are still checked, so a malformed one fails where it was emitted.
/// </remarks>
internal sealed class StrategyContext(PluginContext plugin, TradingPipeline pipeline, int slot, bool live)
    : DelegatingPluginContext(plugin), IStrategyContext
{
    private bool _live = live;

    public IPortfolioView Portfolio => pipeline.Portfolio;

    public void Emit(in Signal signal)
    {
        if (signal.Malformation() is { } problem)
        {
            throw new PluginFaultException(PluginId, CallbackPhases.Emit, new ArgumentException($"signal {problem}"));
        }

        if (_live)
        {
            pipeline.Emit(slot, signal);
        }
    }

    public ClientOrderId Submit(in OrderRequest request) => _live ? pipeline.SubmitFromStrategy(slot, request) : ClientOrderId.None;

    public bool Cancel(ClientOrderId id) => _live && pipeline.Orders.Cancel(id, Clock.NowMs);

    public IModel GetModel(string id) => pipeline.GetModel(PluginId, id);

    /// <summary>From now on what the strategy does reaches the run.</summary>
    public void GoLive() => _live = true;

    /// <summary>From now on nothing the strategy does reaches the run.</summary>
    public void CutOff() => _live = false;
}
