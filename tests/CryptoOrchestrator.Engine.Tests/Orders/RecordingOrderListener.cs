using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.Orders;

/// <summary>Records what the order manager tells its listener, in order; optional hooks react as a pipeline would.</summary>
internal sealed class RecordingOrderListener : IOrderListener
{
    public List<(OrderSnapshot Order, int Owner)> Updates { get; } = [];

    public List<(Fill Fill, int Owner)> Fills { get; } = [];

    /// <summary>Every call as text, e.g. "co-1 New" or "co-1 fill 0.5@100".</summary>
    public List<string> Log { get; } = [];

    public Action<OrderSnapshot>? AfterUpdate { get; set; }

    /// <summary>The deepest nesting of listener calls seen: 1 unless a call arrived while another was still running.</summary>
    public int MaxDepth { get; private set; }

    private int _depth;

    public Action<Fill>? AfterFill { get; set; }

    public IEnumerable<OrderStatus> StatusesOf(ClientOrderId id) =>
        Updates.Where(u => u.Order.Id == id).Select(u => u.Order.Status);

    public void OnOrderUpdate(in OrderSnapshot order, int owner)
    {
        Enter();
        Updates.Add((order, owner));
        Log.Add($"{order.Id} {order.Status}");
        AfterUpdate?.Invoke(order);
        _depth--;
    }

    public void OnFill(in Fill fill, int owner)
    {
        Enter();
        Fills.Add((fill, owner));
        Log.Add($"{fill.OrderId} fill {fill.Quantity}@{fill.Price}");
        AfterFill?.Invoke(fill);
        _depth--;
    }

    private void Enter() => MaxDepth = Math.Max(MaxDepth, ++_depth);
}
