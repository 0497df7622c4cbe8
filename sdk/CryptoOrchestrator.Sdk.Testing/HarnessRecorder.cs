using CryptoOrchestrator.Engine.Accounting;
using CryptoOrchestrator.Engine.Analytics;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Testing;

/// <summary>Keeps everything the pipeline publishes, in order, for a test to assert on.</summary>
internal sealed class HarnessRecorder(IClock clock) : IEngineEventSink
{
    private const string UnspecifiedReason = "unspecified";

    private readonly List<OrderSnapshot> _orders = [];
    private readonly Dictionary<ClientOrderId, int> _latestOrderIndex = [];
    private readonly Dictionary<string, int> _rejections = new(StringComparer.Ordinal);

    public List<RecordedSignal> Signals { get; } = [];

    public List<OrderSnapshot> OrderUpdates { get; } = [];

    public IReadOnlyList<OrderSnapshot> Orders => _orders;

    public List<Fill> Fills { get; } = [];

    public List<ClosedTrade> ClosedTrades { get; } = [];

    public List<EquityPoint> EquityCurve { get; } = [];

    public IReadOnlyDictionary<string, int> Rejections => _rejections;

    public void OnSignal(string strategyId, in Signal signal) => Signals.Add(new RecordedSignal(clock.NowMs, signal));

    public void OnOrderUpdate(string ownerId, in OrderSnapshot order)
    {
        OrderUpdates.Add(order);

        // Every order starts as New; an id may be used again once its order is final, so New starts a new entry.
        if (order.Status == OrderStatus.New || !_latestOrderIndex.TryGetValue(order.Id, out var index))
        {
            _latestOrderIndex[order.Id] = _orders.Count;
            _orders.Add(order);
        }
        else
        {
            _orders[index] = order;
        }

        if (order.Status == OrderStatus.Rejected)
        {
            var reason = order.Reason ?? UnspecifiedReason;
            _rejections[reason] = _rejections.GetValueOrDefault(reason) + 1;
        }
    }

    public void OnFill(string ownerId, in Fill fill) => Fills.Add(fill);

    public void OnTradeClosed(string ownerId, in ClosedTrade trade) => ClosedTrades.Add(trade);

    public void OnEquity(long time, decimal equity) => EquityCurve.Add(new EquityPoint(time, equity));
}
