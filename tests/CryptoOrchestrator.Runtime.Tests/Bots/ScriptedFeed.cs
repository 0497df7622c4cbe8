using System.Runtime.CompilerServices;
using CryptoOrchestrator.Runtime.Feeds;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Tests.Bots;

/// <summary>A feed of synthetic BTCUSDT bars that throws after a given number of them, as a broken stream would.</summary>
internal sealed class ScriptedFeed(int barsBeforeFailure, Instrument? instrument = null) : IMarketFeed
{
    public IReadOnlyList<Instrument> Instruments { get; } = [instrument ?? Streams.Btc];

    public async IAsyncEnumerable<FeedBar> ReadAsync([EnumeratorCancellation] CancellationToken cancellation = default)
    {
        foreach (var bar in Streams.Bars(barsBeforeFailure))
        {
            await Task.Yield();
            yield return new FeedBar(Instruments[0], bar);
        }

        throw new IOException("the stream was cut");
    }
}
