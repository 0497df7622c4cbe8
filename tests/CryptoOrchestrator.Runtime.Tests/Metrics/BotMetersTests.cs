using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using CryptoOrchestrator.Engine.Configuration;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Sdk.Context;
using CryptoOrchestrator.Sdk.Domain;
using Instrument = CryptoOrchestrator.Sdk.Domain.Instrument;
using CryptoOrchestrator.Sdk.Plugins;

namespace CryptoOrchestrator.Runtime.Tests.Metrics;

public class BotMetersTests
{
    private const int WarmUpBars = 3_000;
    private const int MeasuredBars = 30_000;
    private const int OrderEvery = 3;

    // The measured bars are read in windows and the least is asserted: the runtime's own occasional tier-up allocation
    // (tens of bytes, once) lands in one window, while anything the path allocated per event would be in all of them.
    private const int Windows = 3;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task BotsEventPath_WithMetricsListenedTo_AllocatesNothing_AndTimesEveryOrder(bool barsQueuedAhead)
    {
        var strategy = new FlipEveryNthBar(OrderEvery, WarmUpBars, MeasuredBars / Windows);
        var pipeline = new TradingPipeline(
            new PipelineSetup
            {
                Strategies = [new StrategyRegistration(strategy, ParameterSet.Defaults(strategy.Metadata))],
                Sizer = new FixedQuantitySizer(Quantity.FromWhole(1)),
                InitialCash = 1_000_000_000m,
            },
            [Streams.Btc],
            // Room for the whole equity curve: its growth is the tracker's, not the bot's path.
            expectedSteps: WarmUpBars + MeasuredBars + 16);
        var botName = "allocation-" + Guid.NewGuid().ToString("N");
        var bot = new Bot(Streams.Bot(botName, "flip"), pipeline, (_, _) => { });
        // The bot's events go where a managed bot's go: a bounded buffer emptied as they come, as the publisher does.
        // Its ring is grown to full size first, as a running bot's is after its first burst: it never grows again.
        var buffer = Channel.CreateBounded<PendingBotEvent>(new BoundedChannelOptions(1 << 16) { SingleReader = true });
        for (var i = 0; i < 1 << 16; i++)
        {
            buffer.Writer.TryWrite(default);
        }

        while (buffer.Reader.TryRead(out _))
        {
        }

        var drained = Task.Run(async () =>
        {
            while (await buffer.Reader.WaitToReadAsync())
            {
                while (buffer.Reader.TryRead(out _))
                {
                }
            }
        });
        pipeline.Events.Subscribe(new BotEventSink(pipeline, buffer.Writer));
        using var timed = new TimedOrders(botName);
        var bars = Streams.Bars(WarmUpBars + MeasuredBars + 10);
        if (barsQueuedAhead)
        {
            // Queued before the bot starts: it never waits for a bar, as when a replay runs flat out.
            PostAll(bot, bars);
            bot.Start();
        }
        else
        {
            // Each bar handed once the bot has processed the last: it finds the bot idle, as a live bar does.
            bot.Start();
            PostEachOnceTheLastIsProcessed(bot, bars);
        }

        bot.CompleteInput();
        await bot.Completion.WaitAsync(TimeSpan.FromSeconds(120));
        buffer.Writer.Complete();
        await drained;

        Assert.Equal(BotState.Completed, bot.State);
        Assert.Equal(0, strategy.LeastAllocatedInAWindow);
        var accepted = bot.Meters.OrdersEntering(OrderStatus.Accepted);
        Assert.True(accepted >= (WarmUpBars + MeasuredBars) / OrderEvery, $"only {accepted} orders were accepted");
        Assert.Equal(accepted, timed.Count);
    }

    [Fact]
    public void OrderUpdates_AreCountedByState_ButOnlyThoseWithinAnEventAreTimed()
    {
        var meters = new BotMeters("untimed-" + Guid.NewGuid().ToString("N"));
        using var timed = new TimedOrders(meters.BotId);
        var order = new OrderSnapshot(new ClientOrderId(1), OrderRequest.Market(Streams.Btc, OrderSide.Buy, Quantity.FromWhole(1)), OrderStatus.Accepted, Quantity.Zero, 0m, 1, null);

        meters.OnOrderUpdate("s", order);
        meters.BeginEvent(Stopwatch.GetTimestamp());
        meters.OnOrderUpdate("s", order);
        meters.OnOrderUpdate("s", order with { Status = OrderStatus.New });
        meters.EndEvent();
        meters.OnOrderUpdate("s", order);

        Assert.Equal(3, meters.OrdersEntering(OrderStatus.Accepted));
        Assert.Equal(1, meters.OrdersEntering(OrderStatus.New));
        Assert.Equal(0, meters.OrdersEntering(OrderStatus.Filled));
        Assert.Equal(1, timed.Count);
    }

    private static void PostAll(Bot bot, Bar[] bars)
    {
        foreach (var bar in bars)
        {
            Assert.True(bot.Post(Streams.Btc, bar));
        }
    }

    private static void PostEachOnceTheLastIsProcessed(Bot bot, Bar[] bars)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        for (var i = 0; i < bars.Length; i++)
        {
            Assert.True(bot.Post(Streams.Btc, bars[i]));
            while (bot.EventsProcessed <= i)
            {
                Assert.True(DateTime.UtcNow < deadline, $"the bot processed {bot.EventsProcessed} of {i + 1} bars in time");
                Thread.SpinWait(20);
            }
        }
    }

    /// <summary>Counts one bot's event-to-order measurements without allocating, as an exporter's listener would see them.</summary>
    private sealed class TimedOrders : IDisposable
    {
        private readonly MeterListener _listener = new();
        private int _count;

        public TimedOrders(string botId)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == OrchestratorMetrics.MeterName && instrument.Name == OrchestratorMetrics.EventToOrderSecondsName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
            {
                if (tags.Length == 1 && tags[0].Value is string bot && bot == botId && seconds > 0)
                {
                    Interlocked.Increment(ref _count);
                }
            });
            _listener.Start();
        }

        public int Count => Volatile.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>
    /// Turns its view over every Nth bar (one order each time) and reads the bot thread's allocations at the start and end
    /// of each window of <paramref name="windowBars"/> bars after <paramref name="firstReading"/>, keeping the least.
    /// </summary>
    private sealed class FlipEveryNthBar(int every, int firstReading, int windowBars) : IStrategy
    {
        private IStrategyContext _context = null!;
        private int _seen;
        private bool _long;
        private long _windowStart;

        public long LeastAllocatedInAWindow { get; private set; } = -1;

        public PluginMetadata Metadata { get; } = new()
        {
            Id = "flip",
            Version = "1.0.0",
            Kind = PluginKind.Strategy,
            SdkVersionRange = "[0.1.0, 1.0.0)",
        };

        public void Initialize(IStrategyContext context) => _context = context;

        public void OnBar(Instrument instrument, in Bar bar)
        {
            ++_seen;
            if (_seen >= firstReading && (_seen - firstReading) % windowBars == 0 && _seen <= firstReading + (Windows * windowBars))
            {
                var now = GC.GetAllocatedBytesForCurrentThread();
                if (_seen > firstReading)
                {
                    var allocated = now - _windowStart;
                    LeastAllocatedInAWindow = LeastAllocatedInAWindow < 0 ? allocated : Math.Min(LeastAllocatedInAWindow, allocated);
                }

                _windowStart = now;
            }

            if (_seen % every == 0)
            {
                _long = !_long;
                _context.Emit(new Signal(instrument, _long ? SignalDirection.Long : SignalDirection.Flat));
            }
        }
    }
}
