using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>
/// A venue: simulated in backtests, paper on live data, or a live adapter. Orders reach it
/// only after the risk rules and the order manager's journal.
/// </summary>
public interface IExchange : IPlugin
{
    /// <summary>Called once before use with the sink for acknowledgements and fills.</summary>
    void Connect(IPluginContext context, IExchangeEvents events);

    /// <summary>Sends an order the order manager has created (status <see cref="OrderStatus.New"/>).</summary>
    void Submit(in OrderSnapshot order);

    /// <summary>Asks the venue to cancel an order; the outcome arrives through <see cref="IExchangeEvents"/>.</summary>
    void Cancel(ClientOrderId id);
}
