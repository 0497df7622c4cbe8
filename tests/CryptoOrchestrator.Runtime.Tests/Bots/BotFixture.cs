using System.Text.Json;
using CryptoOrchestrator.Messaging;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Runtime.Hosting;

namespace CryptoOrchestrator.Runtime.Tests.Bots;

/// <summary>A plugin host with the test strategies installed and a bot manager on it, for one test.</summary>
internal sealed class BotFixture : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly HostDirectory _directory = new();

    public BotFixture(Persistence.IStore? store = null, bool runsBots = true)
    {
        _directory.InstallSource("Counting");
        _directory.InstallSource("Faulty");
        Plugins = _directory.CreateHost();
        Plugins.Start();
        Bus = new InProcessEventBus(new EventBusOptions { RetentionPerBot = 1_000_000 });
        Manager = new BotManager(Plugins, Bus, new BotManagerOptions
        {
            BaseDirectory = Path.Combine(AppContext.BaseDirectory, "TestData"),
            BarCacheDirectory = Path.Combine(_directory.Root, "bar-cache"),
            Store = store,
            RunsBots = runsBots,
        });
    }

    public PluginHost Plugins { get; }

    public InProcessEventBus Bus { get; }

    public BotManager Manager { get; }

    /// <summary>A paper bot of the counting strategy on BTCUSDT, on a synthetic feed played as fast as possible.</summary>
    public static BotDefinition Counting(string id, int? bars = 500) => new()
    {
        Id = id,
        Strategies = [new StrategyDefinition { PluginId = "counting" }],
        Instruments = ["BTCUSDT"],
        Sizing = "fixed:1",
        InitialCash = 1_000_000m,
        Feed = new FeedDefinition { Kind = FeedKind.Synthetic, Speed = "max", Bars = bars, Seed = 11 },
    };

    /// <summary>Waits until the bot has <paramref name="status"/>; fails naming what it has instead.</summary>
    public async Task<BotInfo> WaitFor(string id, BotStatus status)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var info = Manager.Get(id);
            if (info.Status == status)
            {
                return info;
            }

            Assert.True(DateTime.UtcNow < deadline, $"bot {id} is {info.Status} ({info.Reason}), not {status}, after {Patience}");
            await Task.Delay(5);
        }
    }

    /// <summary>Waits until the bot has processed at least <paramref name="events"/> bars.</summary>
    public async Task WaitForProcessed(string id, long events)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (Manager.Get(id).EventsProcessed < events)
        {
            Assert.True(DateTime.UtcNow < deadline, $"bot {id} processed {Manager.Get(id).EventsProcessed} of {events} bars in {Patience}");
            await Task.Delay(5);
        }
    }

    /// <summary>Every event the bot published on the bus, from the first to the one saying its run ended.</summary>
    public async Task<IReadOnlyList<BotEvent>> EventsOfRun(string id)
    {
        using var patience = new CancellationTokenSource(Patience);
        var events = new List<BotEvent>();
        await foreach (var botEvent in Bus.SubscribeAsync(id, 0, patience.Token))
        {
            events.Add(botEvent);
            if (botEvent.Type == BotEventTypes.BotState && Payload(botEvent).GetProperty("status").GetString() is "Stopped" or "Failed")
            {
                return events;
            }
        }

        throw new InvalidOperationException($"the events of bot {id} ended without its run ending");
    }

    /// <summary>The payloads of one type among <paramref name="events"/>, in order.</summary>
    public static IReadOnlyList<JsonElement> Payloads(IEnumerable<BotEvent> events, string type) =>
        [.. events.Where(e => e.Type == type).Select(Payload)];

    public static JsonElement Payload(BotEvent botEvent) => JsonDocument.Parse(botEvent.PayloadJson).RootElement;

    public async ValueTask DisposeAsync()
    {
        await Manager.DisposeAsync();
        await Bus.DisposeAsync();
        Plugins.Dispose();
        _directory.Dispose();
    }
}
