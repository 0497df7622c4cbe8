using CryptoOrchestrator.Engine.Exchange;
using CryptoOrchestrator.Engine.MarketData;
using CryptoOrchestrator.Engine.Pipeline;
using CryptoOrchestrator.Engine.Sizing;
using CryptoOrchestrator.Runtime.Bots;
using CryptoOrchestrator.Sdk.Domain;

namespace CryptoOrchestrator.Runtime.Tests;

/// <summary>Synthetic market data and the bot options the tests share.</summary>
public static class Streams
{
    public static readonly Instrument Btc = Instrument.Spot("BTCUSDT");

    public static Bar[] Bars(int count, int seed = 7) =>
        SyntheticBarGenerator.Generate(Btc, new SyntheticBarOptions { Count = count, Seed = seed }).Bars.ToArray();

    public static BotOptions Bot(string name, params BotStrategy[] strategies) => new()
    {
        Name = name,
        Strategies = strategies,
        Instruments = [Btc],
        Pipeline = new PipelineSetup
        {
            Strategies = [],
            Sizer = new FixedQuantitySizer(Quantity.FromWhole(1)),
            InitialCash = 1_000_000m,
            Exchange = new SimulatedExchangeOptions(),
        },
    };

    public static BotOptions Bot(string name, params string[] strategyIds) =>
        Bot(name, [.. strategyIds.Select(id => new BotStrategy(id))]);

    /// <summary>Posts every bar, completes the input and waits for the bot to finish.</summary>
    public static async Task RunToEnd(Bot bot, IEnumerable<Bar> bars)
    {
        foreach (var bar in bars)
        {
            Assert.True(bot.Post(Btc, bar), $"bot {bot.Name} refused a bar: it is {bot.State} ({bot.HaltReason})");
        }

        bot.CompleteInput();
        await bot.Completion.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>Posts bars until the bot stops taking them (it may halt on the way), then waits for it to finish.</summary>
    public static async Task RunToEndTolerant(Bot bot, IEnumerable<Bar> bars)
    {
        foreach (var bar in bars)
        {
            if (!bot.Post(Btc, bar))
            {
                break;
            }
        }

        bot.CompleteInput();
        await bot.Completion.WaitAsync(TimeSpan.FromSeconds(60));
    }
}
