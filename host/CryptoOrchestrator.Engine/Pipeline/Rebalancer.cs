using CryptoOrchestrator.Engine.Execution;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Pipeline;

/// <summary>
/// Turns a fused target exposure into orders: the sizer says what position to hold, and the
/// difference from what is held plus what is already on its way becomes an order. Orders still
/// working count as held, so a second signal before a fill does not double the position.
/// </summary>
internal sealed class Rebalancer
{
    private readonly OrderRouter _router;
    private readonly Accounting.Portfolio _portfolio;
    private readonly IPositionSizer _sizer;
    private readonly PositionMode _mode;
    private readonly ExecutionDesk? _desk;
    private readonly double[] _lastExposure;
    private readonly Quantity[] _pending;
    private readonly Dictionary<long, int> _workingOrders = new(capacity: 64);

    public Rebalancer(OrderRouter router, Accounting.Portfolio portfolio, IPositionSizer sizer, PositionMode mode, int instruments, ExecutionDesk? desk = null)
    {
        _desk = desk;
        _router = router;
        _portfolio = portfolio;
        _sizer = sizer;
        _mode = mode;
        _lastExposure = new double[instruments];
        _pending = new Quantity[instruments];
    }

    /// <summary>Moves the position in <paramref name="instrument"/> towards <paramref name="exposure"/>; a repeat of the last exposure does nothing.</summary>
    public void Rebalance(int instrument, double exposure, in SizingRequest market, int owner, long now)
    {
        if (exposure == _lastExposure[instrument])
        {
            return;
        }

        _lastExposure[instrument] = exposure;
        var current = _portfolio.PositionQuantity(instrument) + _pending[instrument] + (_desk?.Pending(instrument) ?? Quantity.Zero);
        var target = TargetPosition(market with { TargetExposure = exposure, CurrentPosition = current });
        if (target == current)
        {
            return;
        }

        if (_desk is not null && _desk.CancelWorking(instrument, now))
        {
            current = _portfolio.PositionQuantity(instrument) + _pending[instrument] + _desk.Pending(instrument);
        }

        var symbol = market.Instrument;
        if (_mode == PositionMode.Exclusive && !current.IsZero)
        {
            Send(OrderRouter.Close(symbol, current, priority: 1), instrument, owner, now);
            current = Quantity.Zero;
        }

        var delta = target - current;
        if (!delta.IsZero)
        {
            var order = OrderRequest.Market(symbol, delta.IsNegative ? OrderSide.Sell : OrderSide.Buy, delta.Abs());
            Work(OnlyShrinks(instrument, current, target) ? order with { ReduceOnly = true } : order, instrument, owner, now);
        }
    }

    /// <summary>
    /// Whether moving from <paramref name="current"/> to <paramref name="target"/> only shrinks the filled position
    /// towards zero, without crossing it. Such an order is marked reduce-only so risk rules can tell exits from
    /// entries. Not while orders are pending: reduce-only is clamped to the filled position, which would then
    /// cut the order short of the target.
    /// </summary>
    private bool OnlyShrinks(int instrument, Quantity current, Quantity target)
    {
        var nothingPending = _pending[instrument].IsZero && (_desk?.Pending(instrument) ?? Quantity.Zero).IsZero;
        var sameSide = target.IsZero || target.IsNegative == current.IsNegative;
        return nothingPending && !current.IsZero && sameSide && target.Abs() < current.Abs();
    }

    /// <summary>A sizer that throws is named, so the fault is never taken for a strategy's.</summary>
    private Quantity TargetPosition(in SizingRequest request)
    {
        try
        {
            return _sizer.TargetPosition(request);
        }
        catch (Exception ex)
        {
            throw new PluginFaultException(_sizer.Metadata.Id, nameof(IPositionSizer.TargetPosition), ex);
        }
    }

    /// <summary>Whether the order is one of the rebalancer's; if so, the fill stops counting as pending.</summary>
    public void OnFill(in Fill fill)
    {
        if (_workingOrders.TryGetValue(fill.OrderId.Value, out var instrument))
        {
            _pending[instrument] -= fill.SignedQuantity;
        }
    }

    /// <summary>A final order's unfilled rest stops counting as pending.</summary>
    public void OnOrderUpdate(in OrderSnapshot order)
    {
        if (order.IsFinal && _workingOrders.Remove(order.Id.Value, out var instrument))
        {
            var rest = order.RemainingQuantity;
            _pending[instrument] -= order.Request.Side == OrderSide.Buy ? rest : -rest;
        }
    }

    /// <summary>A sized order goes to the execution desk to be worked over time, or without one straight to the router.</summary>
    private void Work(in OrderRequest request, int instrument, int owner, long now)
    {
        if (_desk is null)
        {
            Send(request, instrument, owner, now);
            return;
        }

        _desk.Start(request, instrument, owner, now);
    }

    private void Send(in OrderRequest request, int instrument, int owner, long now)
    {
        var order = _router.Submit(request, owner, now);
        if (!order.IsFinal)
        {
            _workingOrders[order.Id.Value] = instrument;
            _pending[instrument] += order.Request.Side == OrderSide.Buy ? order.Request.Quantity : -order.Request.Quantity;
        }
    }
}
