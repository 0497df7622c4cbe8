using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Engine.Tests.Orders;

/// <summary>Bursts of notifications queued from inside a callback, longer than the notifier's initial buffer.</summary>
public class ListenerNotifierOrderTests
{
    [Theory]
    [InlineData(5, 20)]
    [InlineData(11, 40)]
    public void OrdersSubmittedInsideACallback_ReachTheListenerInSubmissionOrder_WhenTheBurstOutgrowsTheBuffer(int warmUp, int burst)
    {
        var harness = new ManagerHarness();
        for (var i = 0; i < warmUp; i++)
        {
            // Moves the start of the buffer away from its first slot, so the burst wraps around.
            harness.Submit(ManagerHarness.LimitBuy());
        }

        var submittedInside = new List<ClientOrderId>();
        var trigger = harness.Submit(ManagerHarness.LimitBuy(id: 1_000)).Id;
        harness.Listener.Log.Clear();
        harness.Listener.AfterUpdate = order =>
        {
            if (order.Id == trigger && order.Status == OrderStatus.Cancelled)
            {
                for (var i = 0; i < burst; i++)
                {
                    submittedInside.Add(harness.Submit(ManagerHarness.LimitBuy()).Id);
                }
            }
        };

        harness.Manager.Cancel(trigger, ManagerHarness.Now);

        string[] expected = [$"{trigger} Cancelled", .. submittedInside.Select(id => $"{id} New")];
        Assert.Equal(burst, submittedInside.Count);
        Assert.Equal(expected, harness.Listener.Log);
        Assert.Equal(1, harness.Listener.MaxDepth);
    }
}
