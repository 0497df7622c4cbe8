using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Execution;

/// <summary>
/// Sends the whole parent as one market order, which is what routing sized orders directly does.
/// A refused child is not sent again: the venue would refuse it again.
/// </summary>
public sealed class MarketExecution : IExecutionAlgorithm
{
    /// <inheritdoc />
    public PluginMetadata Metadata { get; } = BuiltInPlugin.Describe(
        "market-execution", PluginKind.ExecutionAlgorithm, "Sends the whole parent order as one market order.");

    /// <inheritdoc />
    public void Start(in OrderSnapshot parent, IExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SubmitChild(ChildOrders.Market(parent.Request, parent.RemainingQuantity));
    }
}
