namespace CryptoOrchestrator.Messaging.Tests;

public sealed class InProcessEventBusTests : EventBusContract
{
    protected override IEventBus MakeBus(EventBusOptions options) => new InProcessEventBus(options);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Options_BelowOne_AreRefused_NamingTheOption(int retention, int capacity)
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(
            () => new InProcessEventBus(new EventBusOptions { RetentionPerBot = retention, SubscriberCapacity = capacity }));
        Assert.Equal(retention < 1 ? "RetentionPerBot" : "SubscriberCapacity", refused.ParamName);
    }
}
