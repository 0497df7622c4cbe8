using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Plugins;

/// <summary>
/// Works a parent order as child orders over time (market, limit, TWAP, iceberg, POV…).
/// One instance works one parent order.
/// </summary>
public interface IExecutionAlgorithm : IPlugin
{
    /// <summary>The parent order has been accepted: send the first children.</summary>
    void Start(in OrderSnapshot parent, IExecutionContext context);

    /// <summary>Time moved on: send, re-price or cancel children.</summary>
    void OnBar(Instrument instrument, in Bar bar)
    {
    }

    /// <summary>A child order changed; the algorithm is done when the parent is complete.</summary>
    void OnChildUpdate(in OrderSnapshot child)
    {
    }
}
