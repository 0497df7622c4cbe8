using CryptoOrchestrator.Sdk.Domain;
using static CryptoOrchestrator.Engine.Tests.Orders.ManagerHarness;

namespace CryptoOrchestrator.Engine.Tests.Orders;

public class OrderQueuePriorityTests
{
    private readonly ManagerHarness _h = new();

    [Fact]
    public void Flush_SendsHigherPriorityFirst_AndFirstInFirstOutWithinAPriority()
    {
        int[] priorities = [0, 5, 0, 5, 1, -2, 5];
        for (var i = 0; i < priorities.Length; i++)
        {
            _h.Submit(LimitBuy(id: i + 1, priority: priorities[i]));
        }

        _h.Manager.Flush(Now);

        // Priority 5: ids 2, 4, 7 (arrival order); then 1: id 5; then 0: ids 1, 3; then -2: id 6.
        Assert.Equal([2L, 4L, 7L, 5L, 1L, 3L, 6L], _h.Exchange.Submitted.Select(o => o.Id.Value));
    }

    [Fact]
    public void NothingIsSentBeforeFlush_AndEachOrderIsSentOnce()
    {
        _h.Submit(LimitBuy());
        _h.Submit(LimitBuy());
        Assert.Empty(_h.Exchange.Submitted);

        _h.Manager.Flush(Now);
        _h.Manager.Flush(Now);

        Assert.Equal(2, _h.Exchange.Submitted.Count);
        Assert.Equal(0, _h.Manager.QueuedCount);
    }

    [Fact]
    public void OrderCancelledWhileQueued_IsNotSent()
    {
        var kept = _h.Submit(LimitBuy()).Id;
        var cancelled = _h.Submit(LimitBuy(priority: 9)).Id;
        _h.Manager.Cancel(cancelled, Now);

        _h.Manager.Flush(Now);

        Assert.Equal([kept], _h.Exchange.Submitted.Select(o => o.Id));
    }

    [Fact]
    public void OrderTakingTheSlotOfOneCancelledWhileQueued_IsSentOnce_AtItsOwnPriority()
    {
        var cancelled = _h.Submit(LimitBuy(priority: 9)).Id;
        _h.Manager.Cancel(cancelled, Now);
        var low = _h.Submit(LimitBuy(priority: 0)).Id;
        var high = _h.Submit(LimitBuy(priority: 1)).Id;

        _h.Manager.Flush(Now);

        Assert.Equal([high, low], _h.Exchange.Submitted.Select(o => o.Id));
    }
}
