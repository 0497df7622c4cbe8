using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>What an execution algorithm can do: send and cancel child orders of its parent.</summary>
public interface IExecutionContext : IPluginContext
{
    /// <summary>Sends a child order to the exchange on behalf of the parent.</summary>
    ClientOrderId SubmitChild(in OrderRequest child);

    /// <summary>Cancels an open child order; false when it is not open.</summary>
    bool CancelChild(ClientOrderId id);
}
