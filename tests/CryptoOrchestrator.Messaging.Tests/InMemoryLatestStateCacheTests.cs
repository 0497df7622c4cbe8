namespace CryptoOrchestrator.Messaging.Tests;

public sealed class InMemoryLatestStateCacheTests : LatestStateCacheContract
{
    protected override ILatestStateCache Cache { get; } = new InMemoryLatestStateCache();
}
