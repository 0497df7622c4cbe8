using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Sdk.Tests.Domain;

public class OrderStateMachineTests
{
    // The legal moves, written out independently of the implementation (see docs/architecture.md).
    private static readonly HashSet<(OrderStatus From, OrderStatus To)> Legal =
    [
        (OrderStatus.New, OrderStatus.Accepted),
        (OrderStatus.New, OrderStatus.Rejected),
        (OrderStatus.New, OrderStatus.Cancelled),
        (OrderStatus.Accepted, OrderStatus.PartiallyFilled),
        (OrderStatus.Accepted, OrderStatus.Filled),
        (OrderStatus.Accepted, OrderStatus.Cancelled),
        (OrderStatus.Accepted, OrderStatus.Expired),
        (OrderStatus.PartiallyFilled, OrderStatus.PartiallyFilled),
        (OrderStatus.PartiallyFilled, OrderStatus.Filled),
        (OrderStatus.PartiallyFilled, OrderStatus.Cancelled),
        (OrderStatus.PartiallyFilled, OrderStatus.Expired),
    ];

    public static TheoryData<OrderStatus, OrderStatus> EveryPair
    {
        get
        {
            var data = new TheoryData<OrderStatus, OrderStatus>();
            OrderStatus[] statuses = [(OrderStatus)0, .. Enum.GetValues<OrderStatus>(), (OrderStatus)99];
            foreach (var from in statuses)
            {
                foreach (var to in statuses)
                {
                    data.Add(from, to);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void CanTransition_AllowsExactlyTheTable(OrderStatus from, OrderStatus to) =>
        Assert.Equal(Legal.Contains((from, to)), OrderStateMachine.CanTransition(from, to));

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void EnsureTransition_ThrowsForExactlyTheIllegalMoves_NamingOrderAndStatuses(OrderStatus from, OrderStatus to)
    {
        var order = new ClientOrderId(7);
        if (Legal.Contains((from, to)))
        {
            OrderStateMachine.EnsureTransition(order, from, to);
            return;
        }

        var error = Assert.Throws<InvalidOrderTransitionException>(() => OrderStateMachine.EnsureTransition(order, from, to));
        Assert.Equal(order, error.Order);
        Assert.Equal(from, error.From);
        Assert.Equal(to, error.To);
        Assert.Contains("co-7", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OrderStatus.New, false)]
    [InlineData(OrderStatus.Accepted, false)]
    [InlineData(OrderStatus.PartiallyFilled, false)]
    [InlineData(OrderStatus.Filled, true)]
    [InlineData(OrderStatus.Cancelled, true)]
    [InlineData(OrderStatus.Rejected, true)]
    [InlineData(OrderStatus.Expired, true)]
    public void IsFinal_HoldsForTheStatusesNoOrderLeaves(OrderStatus status, bool final)
    {
        Assert.Equal(final, OrderStateMachine.IsFinal(status));
        Assert.Equal(final, !Legal.Any(move => move.From == status));
    }
}
