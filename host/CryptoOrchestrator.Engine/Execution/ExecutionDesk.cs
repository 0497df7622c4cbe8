using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Orders;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Execution;

/// <summary>
/// Works the orders sized from signals: each becomes a parent order that a fresh
/// <see cref="IExecutionAlgorithm"/> turns into child orders over time.
/// </summary>
/// <remarks>
/// <para>
/// At most one parent works per instrument, because a new target cancels the working one. Children
/// take the road every order takes, <see cref="OrderRouter.Submit"/> (reduce-only, risk rules, order
/// manager), under the parent's owner, so the owning strategy sees their fills as its own.
/// </para>
/// <para>
/// A parent ends when its children have filled it, when <see cref="CancelWorking"/> cancels it (with
/// its open children), or when its algorithm has given up: a bar ends (its <c>OnBar</c> returns)
/// with no child open and none sent during that bar. An algorithm is never called from inside one
/// of its own callbacks: child updates that arise while it runs wait until it returns, in order.
/// </para>
/// <para>
/// Hot path: <see cref="OnBar"/>, <see cref="OnFill"/>, <see cref="OnOrderUpdate"/> and child traffic
/// are allocation-free in steady state (one slot per instrument, pre-sized child map and update queue,
/// cached static callbacks); starting a parent allocates its algorithm and context.
/// </para>
/// </remarks>
internal sealed class ExecutionDesk
{
    /// <summary>Reason code of a parent cancelled because a new target replaced it.</summary>
    public const string Retargeted = "execution-retargeted";

    /// <summary>Reason code of a parent whose algorithm let a bar pass with nothing working.</summary>
    public const string Abandoned = "execution-abandoned";

    private readonly Func<IExecutionAlgorithm> _create;
    private readonly OrderRouter _router;
    private readonly OrderManager _orders;
    private readonly IClock _clock;
    private readonly PipelineSetup _setup;
    private readonly InMemoryStateStore _state = new();
    private readonly Dictionary<string, PluginContext> _contexts = new(StringComparer.Ordinal);
    private readonly WorkingParent?[] _working;
    private readonly Quantity[] _pending;
    private readonly Dictionary<long, WorkingParent> _parentOfChild = new(64);
    private readonly Queue<(WorkingParent Parent, OrderSnapshot Child)> _updates = new(16);
    private long _lastParentId;
    private bool _inAlgorithm;
    private bool _delivering;

    private ExecutionDesk(PipelineSetup setup, Func<IExecutionAlgorithm> create, OrderRouter router, OrderManager orders, IClock clock, int instruments)
    {
        _setup = setup;
        _create = create;
        _router = router;
        _orders = orders;
        _clock = clock;
        _working = new WorkingParent?[instruments];
        _pending = new Quantity[instruments];
    }

    private delegate void Callback<T>(IExecutionAlgorithm algorithm, in T argument);

    /// <summary>The desk for <paramref name="setup"/>, or null when sized orders go straight to the router.</summary>
    public static ExecutionDesk? For(PipelineSetup setup, OrderRouter router, OrderManager orders, IClock clock, int instruments) =>
        setup.Execution is { } create ? new ExecutionDesk(setup, create, router, orders, clock, instruments) : null;

    /// <summary>Signed quantity still to come from parents in <paramref name="instrument"/>: unsent, and working in open children.</summary>
    public Quantity Pending(int instrument) => _pending[instrument];

    /// <summary>Makes <paramref name="request"/> a parent order (status Accepted, an id of the desk's own) and starts an algorithm on it.</summary>
    public void Start(in OrderRequest request, int instrument, int owner, long now)
    {
        if (_working[instrument] is not null)
        {
            throw new InvalidOperationException($"A parent order already works {request.Instrument}; cancel it before starting another.");
        }

        var algorithm = _create() ?? throw new InvalidOperationException("PipelineSetup.Execution created no algorithm.");
        var id = new ClientOrderId(++_lastParentId);
        var snapshot = new OrderSnapshot(id, request with { ClientOrderId = id }, OrderStatus.Accepted, Quantity.Zero, 0m, now, null);
        var parent = new WorkingParent(snapshot, instrument, owner, algorithm);
        _working[instrument] = parent;
        _pending[instrument] += parent.Signed(request.Quantity);
        (OrderSnapshot Parent, IExecutionContext Context) start = (snapshot, new ParentOrderContext(ContextFor(algorithm), this, parent));
        Invoke(parent, nameof(IExecutionAlgorithm.Start), static (IExecutionAlgorithm a, in (OrderSnapshot Parent, IExecutionContext Context) s) => a.Start(s.Parent, s.Context), start);
        DeliverUpdates();
    }

    /// <summary>Cancels the parent working <paramref name="instrument"/> and its open children; false when none works.</summary>
    public bool CancelWorking(int instrument, long now)
    {
        if (_working[instrument] is not { } parent)
        {
            return false;
        }

        End(parent, Retargeted, now);
        return true;
    }

    /// <summary>Lets the algorithm working <paramref name="instrument"/> act on the bar, then ends it if it has given up.</summary>
    public void OnBar(int instrument, Instrument symbol, in Bar bar)
    {
        if (_working[instrument] is not { } parent)
        {
            return;
        }

        var sentBefore = parent.ChildrenSent;
        Invoke(parent, nameof(IExecutionAlgorithm.OnBar), static (IExecutionAlgorithm a, in (Instrument Symbol, Bar Bar) s) => a.OnBar(s.Symbol, s.Bar), (Symbol: symbol, Bar: bar));
        DeliverUpdates();
        if (_working[instrument] == parent && parent.OpenChildren.Count == 0 && parent.ChildrenSent == sentBefore)
        {
            End(parent, Abandoned, _clock.NowMs);
        }
    }

    /// <summary>Books a fill of any order; only children count.</summary>
    public void OnFill(in Fill fill)
    {
        if (!_parentOfChild.TryGetValue(fill.OrderId.Value, out var parent))
        {
            return;
        }

        _pending[parent.Instrument] -= fill.SignedQuantity;
        parent.Working -= fill.Quantity;
        if (parent.IsActive)
        {
            parent.ApplyFill(fill);
        }
    }

    /// <summary>Hands a child's change to its algorithm; a final child's unfilled rest returns to its parent, or stops counting once the parent has ended.</summary>
    public void OnOrderUpdate(in OrderSnapshot order)
    {
        // A child's creation reaches its algorithm from SubmitChild's answer, which comes first.
        if (order.Status == OrderStatus.New || !_parentOfChild.TryGetValue(order.Id.Value, out var parent))
        {
            return;
        }

        if (order.IsFinal)
        {
            _parentOfChild.Remove(order.Id.Value);
            parent.OpenChildren.Remove(order.Id);
            var rest = order.RemainingQuantity;
            parent.Working -= rest;
            if (!parent.IsActive)
            {
                _pending[parent.Instrument] -= parent.Signed(rest);
            }
        }

        if (_working[parent.Instrument] == parent)
        {
            _updates.Enqueue((parent, order));
            DeliverUpdates();
        }
    }

    /// <summary>Sends a child of <paramref name="parent"/> to the router; faults the algorithm when the child does not belong to the parent.</summary>
    internal ClientOrderId SubmitChild(WorkingParent parent, in OrderRequest child)
    {
        if (ChildProblem(parent, child) is { } problem)
        {
            throw new PluginFaultException(parent.AlgorithmId, nameof(IExecutionContext.SubmitChild), new ArgumentException(problem, nameof(child)));
        }

        var order = _router.Submit(child, parent.Owner, _clock.NowMs);
        parent.ChildrenSent++;
        if (!order.IsFinal)
        {
            _parentOfChild.Add(order.Id.Value, parent);
            parent.OpenChildren.Add(order.Id);
            parent.Working += order.RemainingQuantity;
        }

        // A child refused at once never becomes open; its algorithm hears of it from this answer alone.
        _updates.Enqueue((parent, order));
        DeliverUpdates();
        return order.Id;
    }

    /// <summary>Cancels an open child of <paramref name="parent"/>; false for any other order.</summary>
    internal bool CancelChild(WorkingParent parent, ClientOrderId id) =>
        _parentOfChild.TryGetValue(id.Value, out var owner) && owner == parent && _orders.Cancel(id, _clock.NowMs);

    private static string? ChildProblem(WorkingParent parent, in OrderRequest child)
    {
        var request = parent.Snapshot.Request;
        if (!parent.IsActive)
        {
            return $"parent order {parent.Snapshot.Id} is no longer working ({parent.Snapshot.Status})";
        }

        if (!child.ClientOrderId.IsNone)
        {
            return "a child order gets its id from the order manager; leave ClientOrderId unset";
        }

        if (child.Instrument != request.Instrument || child.Side != request.Side)
        {
            return $"the child is a {child.Side} of {child.Instrument?.Symbol ?? "no instrument"} but the parent a {request.Side} of {request.Instrument.Symbol}";
        }

        return child.Quantity > parent.Unsent
            ? $"the child's quantity {child.Quantity} exceeds the parent's unsent {parent.Unsent}"
            : null;
    }

    private void End(WorkingParent parent, string reason, long now)
    {
        parent.Cancel(reason, now);
        Retire(parent);

        // Each cancel removes its child from the list as the order manager reports it.
        for (var i = parent.OpenChildren.Count - 1; i >= 0; i--)
        {
            if (i < parent.OpenChildren.Count)
            {
                _orders.Cancel(parent.OpenChildren[i], now);
            }
        }
    }

    private void Retire(WorkingParent parent)
    {
        _working[parent.Instrument] = null;
        _pending[parent.Instrument] -= parent.Signed(parent.Unsent);
    }

    private void DeliverUpdates()
    {
        if (_inAlgorithm || _delivering)
        {
            return;
        }

        _delivering = true;
        try
        {
            while (_updates.TryDequeue(out var update))
            {
                var parent = update.Parent;
                if (_working[parent.Instrument] != parent)
                {
                    continue;
                }

                Invoke(parent, nameof(IExecutionAlgorithm.OnChildUpdate), static (IExecutionAlgorithm a, in OrderSnapshot child) => a.OnChildUpdate(child), update.Child);
                if (parent.Snapshot.Status == OrderStatus.Filled)
                {
                    Retire(parent);
                }
            }
        }
        finally
        {
            _delivering = false;
        }
    }

    private void Invoke<T>(WorkingParent parent, string phase, Callback<T> callback, in T argument)
    {
        _inAlgorithm = true;
        try
        {
            callback(parent.Algorithm, argument);
        }
        catch (Exception ex) when (ex is not PluginFaultException)
        {
            throw new PluginFaultException(parent.AlgorithmId, phase, ex);
        }
        finally
        {
            _inAlgorithm = false;
        }
    }

    private PluginContext ContextFor(IExecutionAlgorithm algorithm)
    {
        // One context per algorithm id, so successive parents draw on one continuing random stream.
        var id = algorithm.Metadata.Id;
        if (!_contexts.TryGetValue(id, out var context))
        {
            context = new PluginContext(id, _clock, _setup.LoggerFactory, _setup.Seed, ParameterSet.Defaults(algorithm.Metadata), _state);
            _contexts.Add(id, context);
        }

        return context;
    }
}
