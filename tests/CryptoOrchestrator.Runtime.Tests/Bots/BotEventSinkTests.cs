using System.Threading.Channels;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Runtime.Tests.Bots;

public class BotEventSinkTests
{
    private const int Events = 10_000;

    [Fact]
    public void HandingEventsOver_AllocatesNothing_OnTheBotsThread()
    {
        var buffer = Channel.CreateBounded<PendingBotEvent>(new BoundedChannelOptions(4 * Events) { SingleReader = true });
        var sink = new BotEventSink(Pipeline(), buffer.Writer);
        var order = new OrderSnapshot(new ClientOrderId(1), OrderRequest.Market(Streams.Btc, OrderSide.Buy, Quantity.FromWhole(1)), OrderStatus.Filled, Quantity.FromWhole(1), 100m, 1, null);
        var fill = new Fill(new ClientOrderId(1), Streams.Btc, OrderSide.Buy, Price.FromDecimal(100m), Quantity.FromWhole(1), 0.1m, "USDT", Liquidity.Taker, 1);
        // Warm-up fills the buffer's ring to its working size; the reader empties it, as the publisher would.
        HandOver(sink, order, fill);
        while (buffer.Reader.TryRead(out _))
        {
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        HandOver(sink, order, fill);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(4 * Events, buffer.Reader.Count);
        Assert.Equal(0, sink.Dropped);
    }

    [Fact]
    public void FullBuffer_DropsAndCountsTheEvent_WithoutWaiting()
    {
        var buffer = Channel.CreateBounded<PendingBotEvent>(new BoundedChannelOptions(3) { SingleReader = true });
        var sink = new BotEventSink(Pipeline(), buffer.Writer);

        for (var i = 0; i < 5; i++)
        {
            sink.OnEquity(i, 1_000m);
        }

        Assert.Equal(3, buffer.Reader.Count);
        Assert.Equal(2, sink.Dropped);
    }

    private static void HandOver(BotEventSink sink, in OrderSnapshot order, in Fill fill)
    {
        for (var i = 0; i < Events; i++)
        {
            sink.OnOrderUpdate("s", order);
            sink.OnFill("s", fill);
            sink.OnEquity(i, 1_000m);
        }
    }

    private static TradingPipeline Pipeline()
    {
        var strategy = new Silent();
        var setup = new PipelineSetup
        {
            Strategies = [new StrategyRegistration(strategy, ParameterSet.Defaults(strategy.Metadata))],
            Sizer = new FixedQuantitySizer(Quantity.FromWhole(1)),
        };
        return new TradingPipeline(setup, [Streams.Btc], expectedSteps: 16);
    }

    /// <summary>A strategy that never speaks: the sink only needs a pipeline to read positions and cash from.</summary>
    private sealed class Silent : IStrategy
    {
        public PluginMetadata Metadata { get; } = new()
        {
            Id = "silent",
            Version = "1.0.0",
            Kind = PluginKind.Strategy,
            SdkVersionRange = "[0.1.0, 1.0.0)",
        };

        public void Initialize(IStrategyContext context)
        {
        }

        public void OnBar(Instrument instrument, in Bar bar)
        {
        }
    }
}
