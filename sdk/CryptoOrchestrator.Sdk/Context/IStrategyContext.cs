using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Sdk.Context;

/// <summary>
/// What a strategy can do. It may express views as <see cref="Signal"/>s (the pipeline fuses,
/// risk-checks and sizes them) or place orders itself (they still pass the risk rules).
/// </summary>
public interface IStrategyContext : IPluginContext
{
    /// <summary>The whole account: cash, equity and the positions of every instrument.</summary>
    IPortfolioView Portfolio { get; }

    /// <summary>Expresses a view; replaces this strategy's previous signal for the instrument.</summary>
    void Emit(in Signal signal);

    /// <summary>
    /// Places an order. Returns its id at once; the outcome (accepted, rejected with a reason,
    /// filled) arrives through <see cref="IStrategy.OnOrderUpdate"/> and <see cref="IStrategy.OnFill"/>.
    /// </summary>
    ClientOrderId Submit(in OrderRequest request);

    /// <summary>Asks to cancel an open order; false when no such open order exists.</summary>
    bool Cancel(ClientOrderId id);

    /// <summary>A model by id, as configured for this run; throws naming the id when there is none.</summary>
    IModel GetModel(string id);
}
