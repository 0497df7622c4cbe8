using System.Diagnostics;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Bots;

/// <summary>
/// What one run of a bot measures for <see cref="OrchestratorMetrics"/>: orders by the state they entered, and the
/// time from the bar in hand being handed to the bot to each order it submits. Written on the bot's thread, read by
/// metric collection from any thread. Allocation-free: the bot's per-event and per-order path.
/// </summary>
internal sealed class BotMeters(string botId) : IEngineEventSink
{
    private static readonly int StatusSlots = Enum.GetValues<OrderStatus>().Max(status => (int)status) + 1;

    private readonly long[] _ordersEntering = new long[StatusSlots];
    private readonly KeyValuePair<string, object?> _botTag = new("bot", botId);
    private long _handedAt;

    /// <summary>The bot the measurements are tagged with.</summary>
    public string BotId => botId;

    /// <summary>Orders of this run that entered <paramref name="status"/>.</summary>
    public long OrdersEntering(OrderStatus status) => Interlocked.Read(ref _ordersEntering[(int)status]);

    /// <summary>
    /// The bot takes an event handed over at <paramref name="handedAt"/> (a <see cref="Stopwatch"/> timestamp):
    /// orders submitted until <see cref="EndEvent"/> are timed from then.
    /// </summary>
    public void BeginEvent(long handedAt) => _handedAt = handedAt;

    /// <summary>Between events (control work such as an operator's cancel) nothing is timed.</summary>
    public void EndEvent() => _handedAt = 0;

    /// <inheritdoc />
    public void OnOrderUpdate(string ownerId, in OrderSnapshot order)
    {
        Interlocked.Increment(ref _ordersEntering[(int)order.Status]);

        // The exchange's acknowledgement comes from inside the submission (the paper exchange gives it at once):
        // it marks the moment the order reached the exchange.
        if (order.Status == OrderStatus.Accepted && _handedAt != 0 && OrchestratorMetrics.EventToOrderSeconds.Enabled)
        {
            OrchestratorMetrics.EventToOrderSeconds.Record(Stopwatch.GetElapsedTime(_handedAt).TotalSeconds, _botTag);
        }
    }
}
