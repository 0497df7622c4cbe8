using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Engine.Execution;

/// <summary>
/// A parent order being worked: its algorithm, its open children and how much of it has not
/// been sent yet. Its snapshot fills as its children fill.
/// </summary>
internal sealed class WorkingParent(OrderSnapshot snapshot, int instrument, int owner, IExecutionAlgorithm algorithm)
{
    /// <summary>The parent as it stands: Accepted, PartiallyFilled, then Filled or Cancelled.</summary>
    public OrderSnapshot Snapshot { get; private set; } = snapshot;

    public int Instrument { get; } = instrument;

    public int Owner { get; } = owner;

    public IExecutionAlgorithm Algorithm { get; } = algorithm;

    public string AlgorithmId { get; } = algorithm.Metadata.Id;

    public List<ClientOrderId> OpenChildren { get; } = new(4);

    /// <summary>Σ unfilled quantity of the open children.</summary>
    public Quantity Working { get; set; }

    /// <summary>How many children the algorithm has sent, rejected ones included; a bar without one is a sign it has given up.</summary>
    public int ChildrenSent { get; set; }

    public bool IsActive => !Snapshot.IsFinal;

    /// <summary>What the algorithm may still send: the unfilled parent less what its open children carry.</summary>
    public Quantity Unsent => Snapshot.RemainingQuantity - Working;

    public Quantity Signed(Quantity quantity) => Snapshot.Request.Side == OrderSide.Buy ? quantity : -quantity;

    public void ApplyFill(in Fill fill)
    {
        var filled = Snapshot.FilledQuantity + fill.Quantity;
        var status = filled == Snapshot.Request.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        OrderStateMachine.EnsureTransition(Snapshot.Id, Snapshot.Status, status);
        Snapshot = Snapshot with
        {
            Status = status,
            FilledQuantity = filled,
            FilledNotional = Snapshot.FilledNotional + fill.Notional,
            Time = fill.Time,
        };
    }

    public void Cancel(string reason, long time)
    {
        OrderStateMachine.EnsureTransition(Snapshot.Id, Snapshot.Status, OrderStatus.Cancelled);
        Snapshot = Snapshot with { Status = OrderStatus.Cancelled, Reason = reason, Time = time };
    }
}
